// The share kit: everything needed to pass an idea on at almost no cost. The link and
// ready-made texts (in both languages) sit in read-only fields anyone can select and copy;
// with JavaScript a button copies them in one tap. A QR code carries the link to a phone
// (WeChat scans it), and X and Weibo open their own compose boxes, prefilled.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "~/i18n/i18n";
import { shareMessage, weiboShareUrl, xShareUrl, type ShareTextKey } from "~/features/sharing/share-links";

export type ShareKitView = { url: string; qrCode: string; title: string; textKey: ShareTextKey; release: string | null };

// The suggestion page's section.
export function ShareSection({ kit }: { kit: ShareKitView }) {
  const { t } = useTranslation();
  return (
    <section className="card share-section" aria-labelledby="share-heading" id="share">
      <h2 id="share-heading">{t("share.heading")}</h2>
      <p className="meta">{t("share.intro")}</p>
      <ShareKit kit={kit} />
    </section>
  );
}

// A changelog entry's kit, folded away until asked for.
export function ShareDetails({ kit }: { kit: ShareKitView }) {
  const { t } = useTranslation();
  return (
    <details className="share-details">
      <summary>{t("share.summary")}</summary>
      <ShareKit kit={kit} />
    </details>
  );
}

function ShareKit({ kit }: { kit: ShareKitView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current: Language = i18n.language === "zh" ? "zh" : "en";
  // The reader's language first; the other one is there for friends who read it.
  const languages = [current, ...LANGUAGES.filter((l) => l !== current)];
  const textIn = (language: Language) =>
    i18n.getFixedT(language)(kit.textKey, { title: kit.title, release: kit.release, forum: t("common.appName") });
  const text = textIn(current);
  return (
    <div className="share-kit" data-testid="share-kit">
      <div className="share-kit-main">
        <div className="field">
          <label htmlFor={`${id}-link`}>{t("share.linkLabel")}</label>
          <div className="share-copy">
            <input id={`${id}-link`} type="url" readOnly value={kit.url} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={kit.url} label={t("share.copyLink")} />
          </div>
        </div>
        <p className="share-texts-label">{t("share.textsLabel")}</p>
        {languages.map((language) => {
          const message = shareMessage(textIn(language), kit.url);
          return (
            <div className="field" key={language}>
              <label htmlFor={`${id}-${language}`}>{t("share.textIn", { language: t(`common.languageNames.${language}`) })}</label>
              <div className="share-copy">
                <textarea
                  id={`${id}-${language}`}
                  lang={language === "zh" ? "zh-CN" : "en"}
                  readOnly
                  rows={3}
                  value={message}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton text={message} label={t("share.copy")} />
              </div>
            </div>
          );
        })}
        <p className="share-networks">
          <a href={xShareUrl(text, kit.url)} target="_blank" rel="noopener" className="button">
            {t("share.onX")} <span className="visually-hidden">{t("share.newWindow")}</span>
          </a>
          <a href={weiboShareUrl(text, kit.url)} target="_blank" rel="noopener" className="button">
            {t("share.onWeibo")} <span className="visually-hidden">{t("share.newWindow")}</span>
          </a>
        </p>
      </div>
      <figure className="share-qr">
        <img src={kit.qrCode} width={148} height={148} alt={t("share.qrAlt")} />
        <figcaption>{t("share.qrHint")}</figcaption>
      </figure>
    </div>
  );
}

// Only once JavaScript runs: without it the field beside it is selected and copied by hand.
function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  const copy = () => {
    // The clipboard API exists only on secure pages (https, localhost).
    if (!navigator.clipboard) return setOutcome("failed");
    navigator.clipboard.writeText(text).then(
      () => setOutcome("copied"),
      () => setOutcome("failed"),
    );
  };
  return (
    <span className="share-copy-action">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className={outcome === "failed" ? "field-error" : "meta"}>
        {outcome === "copied" ? t("share.copied") : outcome === "failed" ? t("share.copyFailed") : ""}
      </span>
    </span>
  );
}
