import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BOOKING_PATHS } from '../../../shared/public-booking';
import { localized } from '../../localized';
import { useTitle } from '../../useTitle';
import { publicApi } from './publicApi';

/** "Porvoo-info / Borgå-info": the poster names the point in both languages when they differ. */
const both = (text: { fi: string; sv: string }) => (text.sv && text.sv !== text.fi ? `${text.fi} / ${text.sv}` : text.fi);

/** A printable poster for the service point: the booking page's address as a QR code, in Finnish and Swedish. */
export function PosterPage() {
  const { t, i18n } = useTranslation('publicBooking');
  useTitle(t('poster.title'));
  const [params, setParams] = useSearchParams();
  const points = useQuery({ queryKey: ['public-points'], queryFn: publicApi.servicePoints });
  const pointId = params.get('servicePointId') ?? points.data?.[0]?.id;
  const point = points.data?.find((p) => p.id === pointId);
  const url = point ? `${window.location.origin}${BOOKING_PATHS.fi}?servicePointId=${point.id}` : '';
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    if (!url) return;
    let live = true;
    void import('qrcode').then(({ default: QRCode }) => QRCode.toDataURL(url, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then((data) => live && setQr(data)));
    return () => {
      live = false;
    };
  }, [url]);
  // The poster speaks Finnish and Swedish whatever the page's language: load both languages' texts first.
  const [bilingual, setBilingual] = useState(false);
  useEffect(() => {
    void i18n.reloadResources(['fi', 'sv'], ['publicBooking']).then(() => setBilingual(true));
  }, [i18n]);
  const fixedT = (lng: 'fi' | 'sv', key: string) => i18n.getFixedT(lng, 'publicBooking')(key);

  return (
    <section className="pb-poster">
      <div className="pb-no-print pb-actions">
        {points.data && points.data.length > 1 && (
          <label>
            {t('poster.choosePoint')}{' '}
            <select value={pointId} onChange={(e) => setParams({ servicePointId: e.target.value })}>
              {points.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {localized(p.name, 'fi')}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="pb-button" onClick={() => window.print()}>
          {t('poster.print')}
        </button>
      </div>
      {point && bilingual && (
        <>
          <h2 lang="fi">{fixedT('fi', 'poster.heading')}</h2>
          <p lang="sv" className="pb-poster-sv">
            {fixedT('sv', 'poster.heading')}
          </p>
          <p className="pb-poster-point">
            {both(point.name)} · {both(point.streetAddress)}, {point.postalCode} {both(point.city)}
          </p>
          {qr && <img className="pb-qr" src={qr} alt={url} width={320} height={320} />}
          <p lang="fi">{fixedT('fi', 'poster.scan')}</p>
          <p lang="sv">{fixedT('sv', 'poster.scan')}</p>
          <p className="pb-poster-url">{url}</p>
        </>
      )}
    </section>
  );
}
