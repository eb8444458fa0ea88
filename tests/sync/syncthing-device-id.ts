/**
 * A Syncthing device id from the device's certificate, as Syncthing makes it: the SHA-256 of the certificate (DER) in
 * base32, each quarter followed by a Luhn mod-32 check character, in groups of seven joined by dashes. Read from the
 * certificate rather than from what a version of Syncthing prints.
 */

import { createHash, X509Certificate } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += BASE32[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
  }
  return bits > 0 ? text + (BASE32[(value << (5 - bits)) & 31] ?? '') : text;
}

/** The Luhn mod-32 check character of `text`, in Syncthing's variant (the factor alternates from 1). */
function luhn32(text: string): string {
  let factor = 1;
  let sum = 0;
  for (const character of text) {
    const addend = factor * BASE32.indexOf(character);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return BASE32[(32 - (sum % 32)) % 32] ?? '';
}

/** The device id of the certificate in `pem` (a `cert.pem` that `syncthing generate` wrote). */
export function syncthingDeviceId(pem: string): string {
  const digest = base32(createHash('sha256').update(new X509Certificate(pem).raw).digest());
  const checked = [0, 13, 26, 39].map((start) => digest.slice(start, start + 13)).map((part) => part + luhn32(part));
  return (checked.join('').match(/.{7}/g) ?? []).join('-');
}
