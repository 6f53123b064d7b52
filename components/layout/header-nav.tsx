"use client";
/**
 * The header's navigation: on wide screens the areas and the account slot in one row; below the
 * `lg` breakpoint they fold into a menu opened by a button (closed again by Escape, by choosing a
 * page, or by the button). The account slot is rendered once and moves with the menu, so its
 * session is read once.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { NAV_ITEMS, isCurrentArea } from "./nav-items";
import { ThemeSwitch } from "./theme-switch";

export function HeaderNav({ account }: { account?: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const menuId = useId();
  // A new page closes the menu (state adjusted during render, as React recommends over an effect).
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [open]);

  return (
    <>
      <div className="ml-auto flex items-center gap-2 lg:order-last lg:ml-0">
        <ThemeSwitch />
        <button
          type="button"
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line px-2.5 text-sm hover:bg-panel-2 lg:hidden"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen(!open)}
        >
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
        </button>
      </div>
      <div
        id={menuId}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-line/70 pt-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:border-0 lg:pt-0`}
      >
        <ul className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-4 lg:flex lg:gap-x-4">
          {NAV_ITEMS.map((item) => {
            const current = isCurrentArea(item.href, pathname);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={`block rounded px-2 py-1.5 hover:text-text lg:px-0 lg:py-0 ${current ? "font-medium text-text" : "text-muted"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        {account ? <div className="text-sm lg:ml-auto">{account}</div> : null}
      </div>
    </>
  );
}
