// The app's one tracker. The SDK does not import React Native or AsyncStorage itself:
// the app hands them over, so this function also runs in a test with in-memory fakes.
import { createTracker } from '@parcours/sdk/react-native';

/**
 * @param {{ asyncStorage: import('@parcours/sdk/react-native').AsyncStorageLike,
 *           appState: import('@parcours/sdk/react-native').AppStateLike,
 *           writeKey: string, host: string, appVersion?: string }} options
 */
export function createAppTracker({ asyncStorage, appState, writeKey, host, appVersion = '1.0.0' }) {
  return createTracker({
    writeKey,
    host,
    asyncStorage,
    appState,
    policyVersion: '2025-01',
    context: { app: appVersion, platform: 'react-native' },
  });
}
