/* i18n.h — the interface's words: assets/i18n/<lang>.json flattened to dotted keys
 * ("drill.speed"), one active language at a time, looked up with ui_tr(). */
#ifndef YQ_UI_I18N_H
#define YQ_UI_I18N_H

#include <stddef.h>

typedef struct ui_i18n ui_i18n;

/* Load assets_dir/i18n/<file>.json for lang "zh" (zh-CN.json) or "en" (en.json).
 * Returns NULL with a message in err. */
ui_i18n *ui_i18n_load(const char *assets_dir, const char *lang, char *err, int errlen);
void ui_i18n_free(ui_i18n *t);
/* Look a key up in a table; NULL when absent. */
const char *ui_i18n_get(const ui_i18n *t, const char *key);
int ui_i18n_count(const ui_i18n *t);
const char *ui_i18n_key(const ui_i18n *t, int i);   /* keys in sorted order */
/* "zh" or "en": the language scenario texts are read in. */
const char *ui_i18n_lang(const ui_i18n *t);

/* The table ui_tr() reads (not owned). */
void ui_i18n_use(const ui_i18n *t);
/* The active translation of key; the key itself when missing, so a gap is visible on screen. */
const char *ui_tr(const char *key);
/* Copy template into buf replacing "{1}".."{3}" by the given strings (NULL stays empty). */
const char *ui_fmt(char *buf, size_t len, const char *tmpl, const char *a1, const char *a2, const char *a3);

#endif
