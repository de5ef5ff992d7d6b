/**
 * `@parcours/sdk/react-native`.
 *
 * ```ts
 * import AsyncStorage from '@react-native-async-storage/async-storage';
 * import { AppState } from 'react-native';
 * import { createTracker } from '@parcours/sdk/react-native';
 *
 * const parcours = createTracker({ writeKey: 'wk_…', host: 'https://parcours.example.com', asyncStorage: AsyncStorage, appState: AppState });
 * parcours.consent.grant(['analytics']);
 * parcours.page('Home');
 * ```
 */
import { createTracker as createTrackerOn } from './core/createTracker.js';
import type { Tracker, TrackerOptions } from './core/types.js';
import { createReactNativePlatform, type ReactNativePlatformOptions } from './platforms/react-native.js';

export type ReactNativeTrackerOptions = TrackerOptions & ReactNativePlatformOptions;

/**
 * Creates a React Native tracker: the queue in AsyncStorage, delivery with `fetch`, a send
 * when the app leaves the foreground. Screen views are explicit: `page('Checkout')`.
 * Options as {@link TrackerOptions}, plus `asyncStorage`, `appState` and `context`.
 */
export const createTracker = (options: ReactNativeTrackerOptions): Tracker =>
  createTrackerOn(options, createReactNativePlatform(options));

export type * from './core/types.js';
export type { AppStateLike, AsyncStorageLike, ReactNativePlatformOptions } from './platforms/react-native.js';
