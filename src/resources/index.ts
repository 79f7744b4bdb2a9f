// What entities contend for: servers (berths, cranes, tracks), stores (yards, sidings), batch
// transports (block trains, feeders), closures (storms, possessions) and the calendar they run on.
export { Resource, Request, Preempted, capacitySchedule, checkCapacity, type RequestOptions, type RequestStatus, type CapacityEntry } from './resource.ts';
export { Servers } from './servers.ts';
export { Store, StorePut, StoreGet, type ItemFilter } from './store.ts';
export * from './batch-transport.ts';
export * from './closure.ts';
export * from './calendar.ts';
export * from './ferry-service.ts';
export * from './shared-weather.ts';
export { usableItems } from './load-factor.ts';
