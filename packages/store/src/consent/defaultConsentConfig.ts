import type { BannerTexts, ConsentConfigInput } from '@parcours/schema';

/**
 * The privacy-policy URL of version 1: a placeholder the privacy officer must replace
 * with the site's own page before going live (the dashboard says so).
 */
export const PLACEHOLDER_PRIVACY_POLICY_URL = 'https://example.com/privacy';

/** The CNIL's recommended period before asking again (délibération 2020-092): 6 months. */
export const DEFAULT_REASK_MONTHS = 6;

// Written to the CNIL's guidance (délibérations 2020-091/092): refusing is as easy as
// accepting and named as plainly, closing the banner is refusing and the body says so,
// every purpose is named, and the choice can be changed at any time.
const FR: BannerTexts = {
  title: 'Vos choix sur les cookies',
  body:
    "Avec votre accord, nous utilisons des traceurs pour mesurer l'audience de ce site, " +
    'personnaliser votre expérience et mesurer nos campagnes marketing. Vous pouvez tout accepter, ' +
    'tout refuser ou choisir finalité par finalité : refuser est aussi simple qu’accepter et ne vous ' +
    'prive pas du site. Fermer ce bandeau (× ou Échap) vaut refus. Vous pouvez changer d’avis à tout ' +
    'moment depuis le bouton « Cookies ». Votre choix est conservé 6 mois.',
  acceptAll: 'Tout accepter',
  refuseAll: 'Tout refuser',
  customise: 'Personnaliser',
  save: 'Enregistrer mes choix',
  close: 'Fermer et tout refuser',
  gpcNotice:
    'Votre navigateur envoie le signal Global Privacy Control : nous le respectons, le marketing est refusé par défaut.',
  reopen: 'Cookies',
  categories: {
    analytics: {
      label: 'Mesure d’audience',
      description:
        'Compter les visites et comprendre le parcours sur le site pour l’améliorer. Les statistiques produites sont anonymes.',
    },
    marketing: {
      label: 'Marketing',
      description:
        'Savoir de quelle campagne (e-mail, publicité, réseau social) vous venez, pour en mesurer l’efficacité.',
    },
    personalization: {
      label: 'Personnalisation',
      description: 'Adapter les contenus et les recommandations à ce que vous avez consulté.',
    },
  },
};

const EN: BannerTexts = {
  title: 'Your cookie choices',
  body:
    'With your consent, we use trackers to measure this site’s audience, personalise your ' +
    'experience and measure our marketing campaigns. You can accept all, refuse all or choose ' +
    'purpose by purpose: refusing is as easy as accepting and does not stop you using the site. ' +
    'Closing this banner (× or Escape) means refusing. You can change your mind at any time with ' +
    'the “Cookies” button. Your choice is kept for 6 months.',
  acceptAll: 'Accept all',
  refuseAll: 'Refuse all',
  customise: 'Customise',
  save: 'Save my choices',
  close: 'Close and refuse all',
  gpcNotice:
    'Your browser sends the Global Privacy Control signal: we honour it, and marketing is refused by default.',
  reopen: 'Cookies',
  categories: {
    analytics: {
      label: 'Audience measurement',
      description:
        'Counting visits and understanding how people move through the site, to improve it. The statistics produced are anonymous.',
    },
    marketing: {
      label: 'Marketing',
      description:
        'Knowing which campaign (email, advertising, social network) brought you here, to measure how well it works.',
    },
    personalization: {
      label: 'Personalisation',
      description: 'Adapting content and recommendations to what you have looked at.',
    },
  },
};

/**
 * Version 1 of every project's consent settings, published when the project is made
 * (and, for projects older than issue 8, by the migration): all three categories,
 * French and English texts, ask again after 6 months, no minimum version. The
 * controller is the project's name, the privacy-policy URL a placeholder to replace.
 */
export function createDefaultConsentConfig(projectName: string): ConsentConfigInput {
  return {
    categories: ['analytics', 'marketing', 'personalization'],
    texts: { fr: structuredClone(FR), en: structuredClone(EN) },
    // Bounded like the schema's controllerName (200): a project name is at most that.
    controllerName: projectName.slice(0, 200),
    privacyPolicyUrl: PLACEHOLDER_PRIVACY_POLICY_URL,
    reaskMonths: DEFAULT_REASK_MONTHS,
    minimumPolicyVersion: null,
  };
}
