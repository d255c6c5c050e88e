// y18n ships no type declarations; this is the part of its API we use.
declare module 'y18n' {
  interface Y18NOptions {
    directory?: string;
    locale?: string;
    updateFiles?: boolean;
    fallbackToLanguage?: boolean;
  }
  interface Y18N {
    __(key: string, ...args: unknown[]): string;
    __n(singular: string, plural: string, count: number, ...args: unknown[]): string;
    setLocale(locale: string): void;
    getLocale(): string;
    updateLocale(obj: Record<string, string>): void;
  }
  export default function y18n(opts?: Y18NOptions): Y18N;
}
