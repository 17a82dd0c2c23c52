import { describe, expect, it } from 'vitest';
import { createAttachments } from '../../../components/state/attachments';
import { createPageContext, fallbackNotice } from '../../../components/state/page-context';
import type { PageExtract } from '../../../lib/page/extract';
import type { ActiveTab, PageTabs } from '../../../lib/page/tabs';

/** A browser with tabs whose pages are given; `extract` answers when the test says so. */
function fakeTabs(pages: Record<number, ActiveTab & { page?: PageExtract | Error }>, access = false) {
  let active = Number(Object.keys(pages)[0]);
  let onSwitch = () => {};
  let onLoad = (_id: number) => {};
  const requests: number[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const tabs: PageTabs = {
    current: async () => pages[active] ?? null,
    extract: async (id) => {
      if (holding) await new Promise<void>((r) => held.push(r));
      const p = pages[id]?.page;
      if (!p || p instanceof Error) throw p ?? new Error('no page');
      return p;
    },
    follow(s, l) {
      onSwitch = s;
      onLoad = l;
      return () => {
        onSwitch = () => {};
      };
    },
    hasAccess: async () => access,
    requestAccess: async () => {
      requests.push(1);
      return access;
    },
  };
  return {
    tabs,
    requests,
    switchTo(id: number) {
      active = id;
      onSwitch();
    },
    load: (id: number) => onLoad(id),
    hold: () => {
      holding = true;
    },
    releaseAll: () => {
      holding = false;
      for (const r of held.splice(0)) r();
    },
  };
}

const article = (title: string, url: string, markdown = `# ${title}\n\nText of ${title}.`): PageExtract => ({ title, url, markdown, source: 'readability' });
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(access = false) {
  const browser = fakeTabs(
    {
      1: { id: 1, url: 'https://a.example/one', title: 'One', page: article('One', 'https://a.example/one') },
      2: { id: 2, url: 'https://b.example/two', title: 'Two', page: article('Two', 'https://b.example/two') },
      3: { id: 3, url: 'chrome://version', title: 'About' },
      4: { id: 4, title: 'Hidden', page: new Error('Cannot access a chrome:// URL') },
      5: { id: 5, url: 'https://c.example/app', title: 'App', page: { title: 'App', url: 'https://c.example/app', markdown: 'Just text', source: 'fallback' } },
    },
    access,
  );
  const attachments = createAttachments();
  const page = createPageContext(attachments, browser.tabs);
  const chips = () => attachments.chips.value.map((c) => c.attachment);
  return { browser, attachments, page, chips };
}

describe('page context', () => {
  it('turning on attaches the active tab as a page chip and asks for access to follow tabs', async () => {
    const { page, chips, browser } = setup();
    page.toggle();
    expect(page.following.value).toBe(true);
    expect(browser.requests).toHaveLength(1);
    await settle();
    expect(chips()).toEqual([{ kind: 'page', title: 'One', url: 'https://a.example/one', text: '# One\n\nText of One.' }]);
    expect(page.notice.value).toBeNull();
    expect(page.accessRefused.value).toBe(true);
  });

  it('does not ask again once access is there', async () => {
    const { page, browser } = setup(true);
    await settle();
    page.toggle();
    expect(browser.requests).toHaveLength(0);
    await settle();
    expect(page.accessRefused.value).toBe(false);
  });

  it('follows a tab switch and a finished load by replacing the same chip', async () => {
    const { page, chips, browser, attachments } = setup(true);
    page.toggle();
    await settle();
    const key = attachments.chips.value[0]?.key;
    browser.switchTo(2);
    await settle();
    expect(chips().map((c) => c.title)).toEqual(['Two']);
    expect(attachments.chips.value[0]?.key).toBe(key);
    browser.load(1); // another tab's load changes nothing
    await settle();
    expect(chips().map((c) => c.title)).toEqual(['Two']);
  });

  it('a restricted page removes the chip and says why; switching back brings it again', async () => {
    const { page, chips, browser } = setup(true);
    page.toggle();
    await settle();
    browser.switchTo(3);
    await settle();
    expect(chips()).toEqual([]);
    expect(page.notice.value).toMatch(/^This is a browser page \(chrome:\/\/…\)/);
    expect(page.following.value).toBe(true);
    browser.switchTo(4);
    await settle();
    expect(page.notice.value).toBe('This is a browser page: browsers do not let extensions read it.');
    browser.switchTo(1);
    await settle();
    expect(chips().map((c) => c.title)).toEqual(['One']);
    expect(page.notice.value).toBeNull();
  });

  it('says when the text is the page’s own rather than an article', async () => {
    const { page, browser, chips } = setup(true);
    browser.switchTo(5);
    page.toggle();
    await settle();
    expect(chips().map((c) => (c.kind === 'page' ? c.text : ''))).toEqual(['Just text']);
    expect(page.notice.value).toBe(fallbackNotice());
  });

  it('a slower earlier extraction never overwrites a later tab', async () => {
    const { page, browser, chips } = setup(true);
    browser.hold();
    page.toggle();
    await settle();
    browser.switchTo(2);
    await settle();
    browser.releaseAll();
    await settle();
    await settle();
    expect(chips().map((c) => c.title)).toEqual(['Two']);
    expect(page.busy.value).toBe(false);
  });

  it('removing the chip (or sending it) turns following off; turning off removes the chip', async () => {
    const { page, browser, attachments, chips } = setup(true);
    page.toggle();
    await settle();
    attachments.remove(attachments.chips.value[0]?.key ?? '');
    expect(page.following.value).toBe(false);
    browser.switchTo(2);
    await settle();
    expect(chips()).toEqual([]);
    page.toggle();
    await settle();
    expect(chips()).toHaveLength(1);
    page.toggle();
    expect(chips()).toEqual([]);
    expect(page.following.value).toBe(false);
  });

  it('turning off while an extraction runs leaves nothing behind', async () => {
    const { page, browser, chips } = setup(true);
    browser.hold();
    page.toggle();
    await settle();
    page.toggle();
    browser.releaseAll();
    await settle();
    expect(chips()).toEqual([]);
  });

  /** A site the panel may read only once the user says yes to the access prompt; the test answers it. */
  function promptedSite() {
    let granted = false;
    let asked = 0;
    let answer = (_ok: boolean) => {};
    const tabs: PageTabs = {
      current: async () => ({ id: 7, title: 'Site' }),
      extract: async () => {
        if (!granted) throw new Error('Cannot access contents of the page.');
        return article('Site', 'https://site.example/');
      },
      follow: () => () => {},
      hasAccess: async () => granted,
      requestAccess: () => {
        asked++;
        return new Promise((r) => {
          answer = (ok) => {
            granted = ok;
            r(ok);
          };
        });
      },
    };
    return { tabs, answer: (ok: boolean) => answer(ok), asked: () => asked };
  }

  it('a tab it may not read yet waits for the answer to the access prompt, then reads it', async () => {
    const site = promptedSite();
    const attachments = createAttachments();
    const page = createPageContext(attachments, site.tabs);
    page.toggle();
    await settle();
    expect(attachments.chips.value).toEqual([]);
    site.answer(true);
    await settle();
    expect(attachments.chips.value.map((c) => c.attachment.title)).toEqual(['Site']);
    expect(page.accessRefused.value).toBe(false);
  });

  it('a press while the access prompt is still open asks nothing more: that prompt’s answer serves it', async () => {
    const site = promptedSite();
    const attachments = createAttachments();
    const page = createPageContext(attachments, site.tabs);
    page.toggle();
    await settle();
    page.toggle();
    page.toggle();
    await settle();
    expect(site.asked()).toBe(1);
    expect(page.accessRefused.value).toBe(false);
    site.answer(false);
    await settle();
    expect(page.accessRefused.value).toBe(true);
    // That prompt was answered: the next press asks again, and its yes reads the tab.
    page.toggle();
    page.toggle();
    expect(site.asked()).toBe(2);
    site.answer(true);
    await settle();
    expect(attachments.chips.value.map((c) => c.attachment.title)).toEqual(['Site']);
    expect(page.accessRefused.value).toBe(false);
  });

  it('a browser page is explained at once, without waiting for the prompt', async () => {
    const attachments = createAttachments();
    const tabs: PageTabs = {
      current: async () => ({ id: 8 }),
      extract: async () => {
        throw new Error('Cannot access a chrome:// URL');
      },
      follow: () => () => {},
      hasAccess: async () => false,
      requestAccess: () => new Promise(() => {}),
    };
    const page = createPageContext(attachments, tabs);
    page.toggle();
    await settle();
    expect(page.notice.value).toBe('This is a browser page: browsers do not let extensions read it.');
    expect(page.busy.value).toBe(false);
  });

  it('access taken back in the browser settings is noticed at the next reading', async () => {
    let access = true;
    const attachments = createAttachments();
    const tabs: PageTabs = {
      current: async () => ({ id: 9 }),
      extract: async () => {
        throw new Error('Cannot access contents of the page.');
      },
      follow: () => () => {},
      hasAccess: async () => access,
      requestAccess: async () => access,
    };
    const page = createPageContext(attachments, tabs);
    await settle();
    access = false;
    page.toggle();
    await settle();
    // Not "a browser page": with access gone, a hidden address says nothing about the page.
    expect(page.notice.value).toMatch(/allow reading pages when the browser asks/);
  });
});
