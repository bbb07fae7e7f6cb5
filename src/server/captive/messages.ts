import { defineMessages } from '../i18n/lang.js';

export const captive = defineMessages(
  {
    title: 'Bienvenue',
    welcome: 'Bienvenue sur {name}',
    intro:
      'Vous êtes connecté au Wi-Fi de la boîte. Ici, pas d’Internet : des livres, des musiques, des films et des notices libres, à lire ou à télécharger gratuitement, sans inscription.',
    offers: 'Sur la boîte :',
    empty: 'La boîte est prête ; son contenu arrive bientôt.',
    enter: 'Entrer',
    downloadTitle: 'Pour télécharger',
    downloadCaptive:
      'Cette petite fenêtre de connexion ne peut pas télécharger de fichiers. Pour télécharger, ouvrez {url} (ou l’adresse {ip}) dans votre navigateur habituel.',
    downloadAlways: 'Pour télécharger, ouvrez {url} (ou l’adresse {ip}) dans votre navigateur.',
    openBrowser: 'Ouvrir dans le navigateur',
    addressLabel: 'Adresse de la boîte',
    privacy: 'La boîte ne vous demande rien et ne garde aucune trace de votre visite.',
    otherLang: 'English',
  },
  {
    title: 'Welcome',
    welcome: 'Welcome to {name}',
    intro:
      'You are connected to the box’s Wi-Fi. No Internet here: free books, music, films and guides to read or download at no cost, without signing up.',
    offers: 'On the box:',
    empty: 'The box is ready; its content is coming soon.',
    enter: 'Enter',
    downloadTitle: 'To download',
    downloadCaptive:
      'This small sign-in window cannot download files. To download, open {url} (or the address {ip}) in your usual browser.',
    downloadAlways: 'To download, open {url} (or the address {ip}) in your browser.',
    openBrowser: 'Open in the browser',
    addressLabel: 'Address of the box',
    privacy: 'The box asks you for nothing and keeps no trace of your visit.',
    otherLang: 'Français',
  },
);
