// The simulation kernel: clock, future-event list, events, processes.
export { EventLimitError, Simulation, type Tracer } from './simulation.ts';
export { SimEvent, Timeout, FailedEvent, Interruption, PENDING, TRIGGERED, PROCESSED, type EventCallback, type Resumable, type Waiter } from './event.ts';
export { Condition, anyOf, allOf, type ConditionValue } from './condition.ts';
export { Process, Interrupt, ProcessError, describeValue, type ProcessGenerator } from './process.ts';
export { EventQueue, URGENT, NORMAL, LATE, MAX_PRIORITY, type Callback, type Firable } from './event-queue.ts';
