import './Toasts.css';
import { useAppState, useController } from '../kit/context.js';
import { CloseIcon } from '../kit/icons.js';

/** Short messages at the bottom: what just happened, or what went wrong. */
export function Toasts() {
  const controller = useController();
  const toasts = useAppState((state) => state.toasts);
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast is-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          <span className="toast-text">{toast.message}</span>
          {toast.action !== undefined && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action?.run();
                controller.dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon-button toast-close"
            aria-label="Dismiss"
            onClick={() => controller.dismissToast(toast.id)}
          >
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
