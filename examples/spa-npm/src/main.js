// A single-page app using the npm package. Every route change goes through
// history.pushState, and the SDK records each one as a page view by itself.
import { createTracker } from '@parcours/sdk';

const params = new URLSearchParams(location.search);
const parcours = createTracker({
  writeKey: params.get('writeKey') || 'wk_replace_me',
  host: params.get('host') || 'http://localhost:4000',
  policyVersion: '2025-01',
});
// For the end-to-end tests and the curious: the same API as the script tag's.
window.parcours = parcours;

const routes = {
  '/': '<h1>Home</h1><p>Trail shoes, road shoes, socks.</p>',
  '/product': '<h1>Trail Shoes X2</h1><button id="add">Add to cart</button>',
  '/cart': '<h1>Cart</h1><button id="checkout">Check out</button>',
};

function render() {
  const path = location.pathname.replace(/.*\/(product|cart)$/, '/$1');
  document.getElementById('view').innerHTML = routes[path] || routes['/'];
  document
    .getElementById('add')
    ?.addEventListener('click', () =>
      parcours.track('Added to cart', { product: 'trail-shoes-x2', price: 129 }),
    );
  document.getElementById('checkout')?.addEventListener('click', () => parcours.track('Checkout started'));
}

document.querySelectorAll('nav a').forEach((link) =>
  link.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href') + location.search);
    render();
  }),
);
addEventListener('popstate', render);

const showConsent = (granted) =>
  (document.getElementById('consent-state').textContent = JSON.stringify(granted));
parcours.consent.onChange(showConsent);
showConsent(parcours.consent.get());
document.getElementById('accept').onclick = () => parcours.consent.grant(['analytics'], 'banner');
document.getElementById('refuse').onclick = () => parcours.consent.deny(undefined, 'banner');
render();
