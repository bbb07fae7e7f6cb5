import type { Book } from '../book.js';

export const welcome: Book = {
  id: 'welcome-to-lanterne',
  title: 'Welcome to Lanterne',
  subtitle: 'A short guide to the library box',
  language: 'en',
  uuid: '8b4f2e70-3c9a-4d1b-a7e6-2e5d9f0c4b97',
  description:
    'A short guide in English to Lanterne, the library’s offline box: how to join its Wi-Fi, find a book, a sound or a how-to guide, and take it home on your phone. No account, no advertising, no Internet needed.',
  licence: 'CC-BY-4.0',
  themes: ['Lanterne', 'Numérique'],
  cover: 'welcome',
  chapters: [
    {
      title: 'A library in a box',
      blocks: [
        {
          p: 'Lanterne is a small box in this library. It has its own Wi-Fi network. On that network you will find books, pictures, sounds, videos and step-by-step guides.',
        },
        {
          p: 'Every work on the box is **free to share**: its authors allow anyone to copy it. You may keep it on your phone, read it at home and pass it on to a friend.',
        },
        {
          p: 'Lanterne asks for no account, no password and no e-mail address. It shows no advertising and does not know who you are: it only counts how often works are used, to help the library choose new ones.',
        },
        {
          tip: 'Lanterne works without the Internet. While you are on its Wi-Fi, apps that need the Internet (messaging, social networks) may stop answering. That is normal.',
        },
      ],
    },
    {
      title: 'Joining in three steps',
      blocks: [
        {
          steps: [
            'Open the **Wi-Fi settings** of your phone, tablet or computer.',
            'Choose the library’s network. Its name is shown at the front desk; it is often called **Lanterne**. There is no password.',
            'A page often opens by itself. If not, open your web browser and type the address **lanterne.lan**.',
          ],
        },
        {
          tip: 'If a small window opened by itself when you joined, close it and open your real browser: that small window cannot download files.',
        },
      ],
    },
    {
      title: 'Finding and keeping a work',
      blocks: [
        {
          p: 'Browse by **theme**, choose a **type** (books, sounds, pictures, videos, documents) or **search** for a word. Each work has its own page with a summary, its author, its licence in plain words, and buttons to read, listen or download.',
        },
        {
          p: 'Tap **Download** (“Télécharger” on the French pages). The file goes to the Downloads folder of your device and stays there after you leave. Books end in “.epub”: open them with a reading app, such as Books on an iPhone or any EPUB reader on Android.',
        },
      ],
    },
    {
      title: 'Sharing in turn',
      blocks: [
        {
          p: 'Most free licences ask one thing: **name the author and the licence** when you share. Each work’s page gives you the sentence, ready to copy.',
        },
        {
          p: 'Most works on this box are in French; some, like this guide, are in English. Ask the library staff if you need help. Enjoy!',
        },
      ],
    },
  ],
};
