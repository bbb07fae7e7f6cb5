import { Qr } from '../components/Qr.js';
import { useKiosk, useT } from '../lib/store.js';
import { ScrollList } from '../components/ScrollList.js';

export function Infos() {
  const t = useT();
  const { info } = useKiosk();
  if (!info)
    return (
      <main class="screen">
        <p class="calm">{t.loading}</p>
      </main>
    );
  const rows: Array<[string, string]> = [
    [t.address, info.address],
    [t.hours, info.openingHours],
    [t.contact, info.contact],
    [t.wifi, info.wifiName],
  ];
  return (
    <main class="screen infos" data-testid="infos">
      <ScrollList class="infos-facts">
        <h1 class="screen-title">{info.libraryName}</h1>
        <dl class="facts">
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </ScrollList>
      <section class="infos-phone" aria-label={t.portal}>
        <h2>{t.portal}</h2>
        <p>{t.portalLead}</p>
        <Qr
          svg={info.portalQr}
          text={`${info.publicUrl}/`}
          label={`${t.portal} : ${info.publicUrl}`}
        />
        <p class="address">{info.publicUrl}</p>
      </section>
    </main>
  );
}
