import type { DecodedParam } from '../../../core/beacon.js';

/** Decoded parameters with their spec names and descriptions; unknown ones are marked. */
export function ParamTable({ params }: { params: readonly DecodedParam[] }) {
  if (params.length === 0) return <p class="muted">No parameters.</p>;
  return (
    <table class="params">
      <thead>
        <tr>
          <th>Parameter</th>
          <th>Value</th>
          <th>Meaning</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p, i) => (
          <tr key={`${p.key}-${i}`} class={p.spec ? undefined : 'unknown-param'}>
            <td class="mono">
              {p.key}
              {p.wireKey && <div class="muted">as {p.wireKey}</div>}
              {p.source === 'body' && <span class="tag">body</span>}
            </td>
            <td class="mono value">
              {p.value === '' ? <span class="muted">(empty)</span> : p.value}
              {p.display !== undefined && p.display !== p.value && (
                <div class="muted">decoded: {p.display}</div>
              )}
              {p.decodeError && <div class="sev-error">{p.decodeError}</div>}
            </td>
            <td>
              {p.spec ? (
                <>
                  <strong>{p.spec.name}</strong>
                  <div class="muted">{p.spec.description}</div>
                </>
              ) : (
                <span class="tag tag-unknown">unknown parameter</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
