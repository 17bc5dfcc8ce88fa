/** A one-line outcome above a settings form: `ok` after a change, `error` when it was refused. Text is already translated. */
export function Notice({ ok, error }: { ok?: string; error?: string }) {
  if (error) {
    return (
      <div class="alert alert-error" role="alert" safe>
        {error}
      </div>
    );
  }
  if (ok) {
    return (
      <div class="alert alert-ok" role="status" safe>
        {ok}
      </div>
    );
  }
  return '';
}
