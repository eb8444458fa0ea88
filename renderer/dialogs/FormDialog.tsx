import './IntakeDialogs.css';
import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog.js';

/**
 * A dialog around one form: Cancel, and the button that submits it, named by what it does. The form's fields are
 * checked by `onSubmit`, which says what is wrong in words (FormField), not by the browser's own bubbles.
 */
export function FormDialog({
  title,
  submitLabel,
  disabled,
  wide = false,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  disabled: boolean;
  wide?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      footer={
        <>
          <button type="button" className="button is-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button is-primary" disabled={disabled}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="intake-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}

/** What a field's control is given: its id for the label, what describes it, and whether its value will do. */
interface FieldAttributes {
  readonly id: string;
  readonly 'aria-describedby': string;
  readonly 'aria-invalid': boolean;
}

/** A labelled field: its hint, its control, and (once there is one) why its value will not do, as an alert. */
export function FormField({
  label,
  hint,
  problem,
  children,
}: {
  label: string;
  hint: ReactNode;
  problem: string | null;
  children: (attributes: FieldAttributes) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="intake-field">
      <label className="intake-label" htmlFor={id}>
        {label}
      </label>
      <p id={hintId} className="intake-hint">
        {hint}
      </p>
      {children({
        id,
        'aria-describedby': problem === null ? hintId : `${errorId} ${hintId}`,
        'aria-invalid': problem !== null,
      })}
      {problem !== null && (
        <p id={errorId} className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
