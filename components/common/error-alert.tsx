/** A Chinese error sentence, announced to screen readers; nothing when there is no error. */
export function ErrorAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
