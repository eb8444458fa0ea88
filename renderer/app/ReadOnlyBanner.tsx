import './ReadOnlyBanner.css';
import { FieldText } from '../kit/FieldText.js';

/** Says, above everything, that the library can be read but not changed, and why. */
export function ReadOnlyBanner({ reason }: { readonly reason: string }) {
  return (
    <p className="read-only-banner" role="status">
      <strong>This library is read-only.</strong> <FieldText text={reason} />. You can read, search and export it;
      changes cannot be saved.
    </p>
  );
}
