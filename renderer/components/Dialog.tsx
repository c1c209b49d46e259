// Modal dialogs on the native <dialog> element: focus is trapped, Escape cancels.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  children: ReactNode;
  onCancel: () => void;
  footer: ReactNode;
}

function Modal({ title, children, onCancel, footer }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      <div className="modal-body">{children}</div>
      <div className="modal-footer">{footer}</div>
    </dialog>
  );
}

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isDestructive?: boolean;
  isBusy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      title={props.title}
      onCancel={props.onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={props.onCancel} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className={props.isDestructive ? 'button button-danger' : 'button button-primary'}
            onClick={props.onConfirm}
            disabled={props.isBusy}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Modal>
  );
}

export function PromptDialog(props: {
  title: string;
  label: string;
  initialValue: string;
  confirmLabel: string;
  maxLength: number;
  isBusy?: boolean;
  onConfirm: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(props.initialValue);
  const inputId = useId();
  const trimmed = value.trim();
  return (
    <Modal
      title={props.title}
      onCancel={props.onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${inputId}-form`} className="button button-primary" disabled={trimmed === '' || props.isBusy}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <form
        id={`${inputId}-form`}
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed !== '') props.onConfirm(trimmed);
        }}
      >
        <label htmlFor={inputId} className="field-label">
          {props.label}
        </label>
        <input
          id={inputId}
          className="input"
          value={value}
          maxLength={props.maxLength}
          onChange={(event) => setValue(event.target.value)}
          autoFocus
          onFocus={(event) => event.target.select()}
        />
      </form>
    </Modal>
  );
}
