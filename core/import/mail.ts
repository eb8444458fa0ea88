/** A saved email (.eml) as its reader sees it: a body sent as quoted-printable, decoded. Pure. */

/** "Subject: …" and the like: the first line of a mail's header block. */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;
/** A run of "=XX" escapes: the bytes of one or more characters. */
const ESCAPES = /(?:=[0-9A-Fa-f]{2})+/g;
/** "=" at a line's end: the line goes on in the next one. */
const SOFT_BREAK = /=[ \t]*$/;

export interface MailLines {
  readonly lines: readonly string[];
  /** The number, from 1, of the line of the file that `lines[index]` starts on. */
  readonly lineNumber: (index: number) => number;
}

/**
 * The text's lines, with its body decoded when its header block says `Content-Transfer-Encoding:
 * quoted-printable`; any other text's lines as they are. `text` has "\n" line endings. The header block stays as
 * it was, for what reads it; line numbers stay those of the file, for messages.
 */
export function mailLines(text: string): MailLines {
  const lines = text.split('\n');
  const asTheyAre = { lines, lineNumber: (index: number) => index + 1 };
  const headerEnd = lines.findIndex((line) => line === '');
  if (!HEADER_LINE.test(text) || headerEnd < 0) return asTheyAre;
  const header = lines
    .slice(0, headerEnd)
    .join('\n')
    .replace(/\n[ \t]+/g, ' ');
  if (!/^Content-Transfer-Encoding:\s*quoted-printable\s*$/im.test(header)) return asTheyAre;
  if (/^Content-Type:\s*multipart\//im.test(header)) return asTheyAre;
  const charset = /^Content-Type:.*?\bcharset="?([^";\s]+)/im.exec(header)?.[1] ?? 'utf-8';
  const body = decodeQuotedPrintable(lines.slice(headerEnd + 1), charset);
  return {
    lines: [...lines.slice(0, headerEnd + 1), ...body.lines],
    lineNumber: (index) =>
      index <= headerEnd ? index + 1 : headerEnd + 1 + (body.firstLines[index - headerEnd - 1] ?? 0),
  };
}

/**
 * RFC 2045's quoted-printable: "=" at a line's end joins it to the next, "=XX" is a byte of `charset`.
 * `firstLines[i]`: the number, from 1, of the encoded line the decoded line `i` starts on.
 */
function decodeQuotedPrintable(
  encoded: readonly string[],
  charset: string,
): { readonly lines: readonly string[]; readonly firstLines: readonly number[] } {
  const decode = bytesDecoder(charset);
  const lines: string[] = [];
  const firstLines: number[] = [];
  let pending: string | null = null;
  for (const [index, line] of encoded.entries()) {
    if (pending === null) firstLines.push(index + 1);
    const joined: string = (pending ?? '') + line.replace(SOFT_BREAK, '');
    if (SOFT_BREAK.test(line) && index < encoded.length - 1) {
      pending = joined;
      continue;
    }
    pending = null;
    lines.push(
      joined.replace(ESCAPES, (run) => {
        const bytes = new Uint8Array(run.length / 3);
        for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
        return decode(bytes);
      }),
    );
  }
  return { lines, firstLines };
}

/** Bytes of `charset` to text; an unknown charset is read as UTF-8. */
function bytesDecoder(charset: string): (bytes: Uint8Array) => string {
  let decoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return (bytes) => decoder.decode(bytes);
}
