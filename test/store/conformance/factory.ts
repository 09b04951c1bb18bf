import type { TrackingStore } from '../../../src/store/contract.ts';

/** A backend under test: each call returns a fresh, empty store. */
export type StoreFactory = () => Promise<TrackingStore>;
