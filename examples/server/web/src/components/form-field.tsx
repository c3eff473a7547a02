import { useId } from 'react';
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
} from 'react';

const control =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:ring-2 focus:outline-none disabled:bg-slate-100 disabled:text-slate-500';
const valid = 'border-slate-300 focus:border-indigo-500 focus:ring-indigo-500';
const invalid = 'border-rose-500 focus:border-rose-500 focus:ring-rose-500';

interface FieldProps {
  label: string;
  name: string;
  /** The message of what is wrong with the value, if anything. */
  error?: string;
  /** Help shown under the control (and read with it). */
  hint?: ReactNode;
}

/** The ids and attributes that tie a control to its hint and error. */
function useField(id: string | undefined, { error, hint }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-ayuda`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return {
    controlId,
    hintId,
    errorId,
    attributes: {
      id: controlId,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
      className: `${control} ${error ? invalid : valid}`,
    },
  };
}

function Frame({
  props,
  field,
  required,
  children,
}: {
  props: FieldProps;
  field: ReturnType<typeof useField>;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label
        htmlFor={field.controlId}
        className="block text-sm font-medium text-slate-800"
      >
        {props.label}
        {!required && (
          <span className="font-normal text-slate-500"> (opcional)</span>
        )}
      </label>
      {children}
      {props.hint && (
        <div id={field.hintId} className="mt-1 text-xs text-slate-600">
          {props.hint}
        </div>
      )}
      {props.error && (
        <p id={field.errorId} className="mt-1 text-sm text-rose-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

/** TextField is a labelled input with its hint and its error. */
export function TextField({
  label,
  name,
  error,
  hint,
  id,
  ...input
}: TextFieldProps) {
  const props = { label, name, error, hint };
  const field = useField(id, props);
  return (
    <Frame props={props} field={field} required={input.required}>
      <input name={name} {...input} {...field.attributes} />
    </Frame>
  );
}

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>;

/** SelectField is a labelled select with its hint and its error. */
export function SelectField({
  label,
  name,
  error,
  hint,
  id,
  children,
  ...select
}: SelectFieldProps) {
  const props = { label, name, error, hint };
  const field = useField(id, props);
  return (
    <Frame props={props} field={field} required={select.required}>
      <select name={name} {...select} {...field.attributes}>
        {children}
      </select>
    </Frame>
  );
}
