export * from './name.ts';
export * from './constants.ts';
export * from './record.ts';
export * from './message.ts';
export * from './actions.ts';
export * from './errors.ts';
