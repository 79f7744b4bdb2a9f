// Shared servers (berths, cranes, tracks) and stores of items (yards, sidings).
export { Resource, Request, Preempted, capacitySchedule, checkCapacity, type RequestOptions, type RequestStatus, type CapacityEntry } from './resource.ts';
export { Store, StorePut, StoreGet, type ItemFilter } from './store.ts';
