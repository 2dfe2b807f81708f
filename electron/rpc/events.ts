import type { EventName, EventPayload } from '../../shared/api/events';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Fan-out of contract events to whatever transports are listening (IPC windows, SSE clients). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
