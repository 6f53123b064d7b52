/** A lifecycle step (store, delete) refused for a galaxy; the message says why, in one line. */
export class LifecycleRefusedError extends Error {}
