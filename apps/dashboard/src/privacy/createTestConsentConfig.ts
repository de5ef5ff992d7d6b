import type { BannerTexts, ConsentConfigInput } from './privacyApi.js';

function texts(word: string): BannerTexts {
  const category = (name: string) => ({
    label: `${word} ${name}`,
    description: `${word} ${name} description`,
  });
  return {
    title: `${word} title`,
    body: `${word} body`,
    acceptAll: `${word} accept`,
    refuseAll: `${word} refuse`,
    customise: `${word} customise`,
    save: `${word} save`,
    close: `${word} close`,
    gpcNotice: `${word} gpc`,
    reopen: `${word} cookies`,
    categories: {
      analytics: category('analytics'),
      marketing: category('marketing'),
      personalization: category('personalization'),
    },
  };
}

/** Settings for tests: every text reads `<language> <field>`, all categories offered, 6 months. */
export function createTestConsentConfig(): ConsentConfigInput {
  return {
    categories: ['analytics', 'marketing', 'personalization'],
    texts: { fr: texts('fr'), en: texts('en') },
    controllerName: 'Shop SAS',
    privacyPolicyUrl: 'https://shop.example/privacy',
    reaskMonths: 6,
    minimumPolicyVersion: null,
  };
}
