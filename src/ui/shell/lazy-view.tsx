/**
 * A view loaded on first use (a chunk of its own) that survives a failed
 * load: offline without the chunk, or a server that lost it, it shows why with
 * a Retry button instead of "loading" forever, and the rest of the app (every
 * other page, the router) goes on working. A load that succeeded is kept for
 * every later use.
 */
import { createResource, createSignal, Match, Switch, type Component, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../i18n';

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

/**
 * Chromium keeps a failed module fetch for the page's life: importing the same
 * URL again fails at once even when the network is back. After a failure the
 * chunk is imported under another URL (a query the server and the offline
 * copy ignore), which is a fresh fetch; the chunks it imports are shared as
 * usual. Browsers whose error does not name the chunk get the plain import.
 */
function failedChunk(e: unknown): string | undefined {
  return /(https?:\/\/\S+?\.js)\b/.exec(reasonOf(e))?.[1];
}

export function lazyView<M, P extends object>(load: () => Promise<M>, pick: (module: M) => Component<P>, loading: () => string = () => t('shell.loading')): Component<P> {
  let loaded: Component<P> | undefined;
  let chunk: string | undefined;
  let attempts = 0;
  // a failed load is not kept: the next attempt imports again
  let inFlight: Promise<Component<P>> | null = null;
  const get = (): Promise<Component<P>> =>
    (inFlight ??= (chunk ? (import(/* @vite-ignore */ `${chunk}?retry=${++attempts}`) as Promise<M>) : load()).then(
      (m) => (loaded = pick(m)),
      (e: unknown) => {
        inFlight = null;
        chunk ??= failedChunk(e);
        throw e;
      },
    ));
  return (props: P): JSX.Element => {
    const [attempt, setAttempt] = createSignal(1);
    const [view] = createResource(attempt, () => loaded ?? get());
    return (
      <Switch fallback={<p class="muted">{loading()}</p>}>
        <Match when={view.state === 'errored'}>
          <div class="load-failed" role="alert">
            <p>{t('offline.load.failed', { reason: reasonOf(view.error) })}</p>
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('offline.load.retry')}
            </button>
          </div>
        </Match>
        <Match when={view.state === 'ready' && view()}>{(c) => <Dynamic component={c()} {...props} />}</Match>
      </Switch>
    );
  };
}
