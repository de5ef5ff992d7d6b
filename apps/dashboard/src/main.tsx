import { render } from 'preact';
import { App } from './App.js';
import { readSessionKey, writeSessionKey } from './session/sessionKey.js';
import { takeKeyFromUrl } from './session/takeKeyFromUrl.js';
import './styles.css';

// Before the first render, so the key leaves the address bar at once.
const keyFromUrl = takeKeyFromUrl();
if (keyFromUrl !== undefined) writeSessionKey(keyFromUrl);

render(<App initialKey={keyFromUrl ?? readSessionKey()} />, document.getElementById('app')!);
