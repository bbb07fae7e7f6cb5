import type { BoxSettings } from '../../settings/service.js';
import { Layout, type PageContext } from '../../ui/page.js';
import { portal } from '../messages.js';

export function AboutPage({
  page,
  settings,
  publicUrl,
}: {
  page: PageContext;
  settings: BoxSettings;
  publicUrl: string;
}) {
  const t = portal[page.lang];
  const rows: Array<[string, string]> = [
    [t.library, settings.libraryName],
    [t.address, settings.address],
    [t.hours, settings.openingHours],
    [t.contact, settings.contact],
    [t.wifi, settings.wifiName],
  ];
  return (
    <Layout page={page} title={t.aboutTitle} section="about">
      <h1>{t.aboutTitle}</h1>
      <p class="lead">{t.aboutIntro}</p>
      <dl class="facts">
        {rows
          .filter(([, value]) => value.trim() !== '')
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd class="prewrap">{value}</dd>
            </>
          ))}
        <dt>{t.webAddress}</dt>
        <dd class="url">{publicUrl}</dd>
      </dl>
      <h2>{t.howTo}</h2>
      <ol class="steps">
        <li>{t.howTo1}</li>
        <li>{t.howTo2}</li>
        <li>{t.howTo3}</li>
      </ol>
    </Layout>
  );
}

export function PrivacyPage({ page }: { page: PageContext }) {
  const t = portal[page.lang];
  return (
    <Layout page={page} title={t.privacyTitle} section="privacy">
      <h1>{t.privacyTitle}</h1>
      <p>{t.privacy1}</p>
      <p>{t.privacy2}</p>
      <p>{t.privacy3}</p>
      <p>{t.privacy4}</p>
      <p>{t.privacy5}</p>
    </Layout>
  );
}
