import type { KeyValueStorage, Platform, Properties } from '../core/types.js';
import { sendWithFetch } from './sendWithFetch.js';

/** The part of `@react-native-async-storage/async-storage` the SDK uses. */
export interface AsyncStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<unknown>;
  removeItem(key: string): Promise<unknown>;
}

/** The part of React Native's `AppState` the SDK uses. */
export interface AppStateLike {
  addEventListener(type: 'change', listener: (state: string) => void): unknown;
}

/** What the React Native adapter needs: the app passes its own modules, so the SDK depends on neither. */
export interface ReactNativePlatformOptions {
  asyncStorage: AsyncStorageLike;
  appState: AppStateLike;
  /** Extra context on every event (app version, OS…). Default: none. */
  context?: Properties;
}

/**
 * The React Native adapter: AsyncStorage for the queue, `fetch` for delivery, `AppState`
 * leaving `active` as the moment to send what is queued. No DOM, no `navigator`; events
 * default to the `mobile` channel.
 */
export const createReactNativePlatform = ({
  asyncStorage,
  appState,
  context,
}: ReactNativePlatformOptions): Platform => {
  const storage: KeyValueStorage = {
    get: (key) => asyncStorage.getItem(key),
    // AsyncStorage rejects rather than throws; a failed write must not become an unhandled rejection.
    set: (key, value) => asyncStorage.setItem(key, value).catch(() => undefined),
    remove: (key) => asyncStorage.removeItem(key).catch(() => undefined),
  };
  return {
    storage,
    send: (url, body) => sendWithFetch(url, body),
    onHide: (fn) => appState.addEventListener('change', (state) => state != 'active' && fn()),
    context: () => ({
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      ...context,
    }),
    channel: 'mobile',
  };
};
