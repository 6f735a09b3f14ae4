/* markup/markup.h: expanded Markdown to the document tree (through
 * cmark-gfm), and the Decree 30 header wording from the model. */
#ifndef BC_MARKUP_H
#define BC_MARKUP_H

#include "baocao/error.h"
#include "common/arena.h"
#include "common/utf8.h"
#include "markup/doc.h"
#include "model/model.h"
#include "template/template.h"
#include "common/version.h"

/* Registers cmark-gfm's extensions; safe to call from any thread, any
 * number of times. */
void bc_markup_init(void);

/*
 * Parses the NFC Markdown body into blocks (see docs/templates.md for what
 * each construct becomes). The cmark-gfm tree is freed before returning.
 * Errors: BC_ELAYOUT for constructs not supported yet (tables) with the
 * line set, BC_ENOMEM.
 */
int bc_markup_parse(bc_block **blocks_out,
                    size_t *count_out,
                    const char *markdown,
                    size_t len,
                    bc_arena *arena,
                    bc_error *err);

/*
 * Builds the whole document: header lines worded from the model (number
 * and date with blanks kept when not set yet), title and subject from the
 * expansion's front matter, body from bc_markup_parse, recipients ending
 * with "- Lưu: VT, <unit>.", signer lines. Header strings are NFC.
 * Errors: BC_ESYNTAX (front matter without trich_yeu), BC_ENOMEM, and
 * those of bc_markup_parse.
 */
int bc_doc_build(bc_doc *out,
                 const bc_report_model *model,
                 const bc_expansion *expansion,
                 const char *markdown_nfc,
                 size_t markdown_len,
                 bc_arena *arena,
                 bc_error *err);

/*
 * Puts the tone mark of every open syllable ending in oa, oe, uy in the
 * document where style says (bc_utf8_tones): header, title, body, tables,
 * Nơi nhận, signer, phụ lục and the PDF's title and author, so that an
 * agency can print one style throughout, its template's text and its
 * data alike. BC_TONE_KEEP changes nothing. Strings and arrays are
 * replaced by copies from arena. Errors: BC_ENOMEM.
 */
int bc_doc_tones(bc_doc *doc,
                 bc_tone_style style,
                 bc_arena *arena,
                 bc_error *err);

/* The run-time version of cmark-gfm (bc_library_versions). */
bc_versions_fn bc_markup_versions;

#endif
