// The documented snippet: wiring the tracker into a React Native app.
import AsyncStorage from '@react-native-async-storage/async-storage';
import { useEffect } from 'react';
import { AppState, Button, Text, View } from 'react-native';
import { createAppTracker } from './createAppTracker.js';

export const parcours = createAppTracker({
  asyncStorage: AsyncStorage,
  appState: AppState,
  writeKey: 'wk_replace_me',
  host: 'https://parcours.example.com',
});

export default function App() {
  // Screen views are explicit in React Native (there is no URL to watch).
  useEffect(() => parcours.page('Home'), []);
  return (
    <View>
      <Text>May we measure how the app is used?</Text>
      <Button title="Accept" onPress={() => parcours.consent.grant(['analytics'], 'app')} />
      <Button title="Refuse" onPress={() => parcours.consent.deny(undefined, 'app')} />
      <Button title="Add to cart" onPress={() => parcours.track('Added to cart', { product: 'trail-shoes-x2' })} />
      <Button title="Rate us" onPress={() => parcours.feedback({ kind: 'nps', score: 9 })} />
    </View>
  );
}
