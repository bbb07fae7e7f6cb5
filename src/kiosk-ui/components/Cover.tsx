import type { KioskWorkType } from '../../shared/kiosk-types.js';
import { Icon, type IconName } from './Icon.js';

const TYPE_ICON: Record<KioskWorkType, IconName> = {
  book: 'book',
  audio: 'listen',
  video: 'watch',
  image: 'image',
  document: 'document',
  software: 'software',
  encyclopedia: 'encyclopedia',
};

/** The work's cover, or a calm placeholder with its kind when there is none. */
export function Cover({
  src,
  type,
  large,
}: {
  src: string | null;
  type: KioskWorkType;
  large?: boolean;
}) {
  const cls = large ? 'cover cover-large' : 'cover';
  if (src) return <img class={cls} src={src} alt="" draggable={false} />;
  return (
    <span class={`${cls} cover-none`} aria-hidden="true">
      <Icon name={TYPE_ICON[type]} size={large ? 160 : 88} />
    </span>
  );
}
