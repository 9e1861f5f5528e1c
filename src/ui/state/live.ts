/** Dexie live queries as Solid signals: any write, in this tab or another, updates them. */
import { liveQuery } from 'dexie';
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createLive<T>(query: () => Promise<T>, initial: T): Accessor<T> {
  const [value, setValue] = createSignal<T>(initial, { equals: false });
  const sub = liveQuery(query).subscribe({
    next: (v) => setValue(() => v),
    error: (e: unknown) => console.error('live query failed', e),
  });
  onCleanup(() => sub.unsubscribe());
  return value;
}
