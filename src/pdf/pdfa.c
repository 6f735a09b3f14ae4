/* pdf/pdfa.c: what makes the file PDF/A-3b (ISO 19005-3) beyond what every
 * PDF gets: the XMP metadata stream, agreeing with the information
 * dictionary (6.6.2-6.6.4), and the sRGB output intent (6.2.3) that gives
 * the text's DeviceGray a meaning. The trailer /ID (6.1.3) is written for
 * plain PDFs too. */
#include "pdf/pdf_int.h"

#include "common/error.h"

#include <stdio.h>
#include <string.h>

/* The embedded profile (CMakeLists.txt: src/pdf/sRGB.icc). */
extern const char bc_srgb_icc[];
extern const size_t bc_srgb_icc_len;

#define SRGB_NAME "sRGB IEC61966-2.1"

/* ---- the document ID ---- */

void bc_pdf__id_init(bc_doc_id *id) {
  id->h[0] = 0x62616f63616f3135u; /* "baocao15" */
  id->h[1] = 0x6964656e74696679u; /* "identify" */
}

/* One 64-bit word into both halves: multiply-xorshift with two odd
 * constants (the golden ratio's, MurmurHash3's). */
static void id_mix(bc_doc_id *id, uint64_t w) {
  id->h[0] = (id->h[0] ^ w) * 0x9E3779B97F4A7C15u;
  id->h[0] ^= id->h[0] >> 32;
  id->h[1] = (id->h[1] ^ w) * 0xC2B2AE3D27D4EB4Fu;
  id->h[1] ^= id->h[1] >> 29;
}

void bc_pdf__id_feed(bc_doc_id *id, const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t w = 0;
  size_t i = 0;
  /* Eight bytes at a time, read little-endian so that the ID is the same
   * on every machine; the rest with the length, so "a" + "b" and "ab"
   * differ. */
  bc_doc_id local = *id; /* in registers: the page contents are 300 KB */
  for (; i + 8 <= len; i += 8) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&w, p + i, 8); /* one load where the machine is little-endian */
#else
    w = (uint64_t)p[i] | (uint64_t)p[i + 1] << 8 | (uint64_t)p[i + 2] << 16 |
        (uint64_t)p[i + 3] << 24 | (uint64_t)p[i + 4] << 32 |
        (uint64_t)p[i + 5] << 40 | (uint64_t)p[i + 6] << 48 |
        (uint64_t)p[i + 7] << 56;
#endif
    id_mix(&local, w);
  }
  *id = local;
  w = len;
  for (; i < len; i++)
    w = w << 8 | p[i];
  id_mix(id, w);
}

void bc_pdf__id_bytes(unsigned char out[16], const bc_doc_id *id) {
  for (int i = 0; i < 16; i++)
    out[i] = (unsigned char)(id->h[i / 8] >> (56 - 8 * (i % 8)));
}

int bc_pdf__write_id(HPDF_Doc doc, const unsigned char id[16], bc_error *err) {
  HPDF_Array a = HPDF_Array_New(doc->mmgr);
  if (!a || HPDF_Dict_Add(doc->trailer, "ID", a) != HPDF_OK)
    return bc_error_oom(err);
  for (int i = 0; i < 2; i++)
    if (HPDF_Array_Add(a, HPDF_Binary_New(doc->mmgr, (HPDF_BYTE *)id, 16)) !=
        HPDF_OK)
      return bc_error_oom(err);
  return 0;
}

/* ---- XMP ---- */

/* Text as XML character data: markup characters escaped, and characters
 * XML 1.0 does not allow (C0 controls) left out. */
static void put_xml(bc_buf *b, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '&')
      bc_buf_puts(b, "&amp;");
    else if (c == '<')
      bc_buf_puts(b, "&lt;");
    else if (c == '>')
      bc_buf_puts(b, "&gt;");
    else if (c >= 0x20 || c == '\t' || c == '\n')
      bc_buf_putc(b, (char)c);
  }
}

/* An XMP date (ISO 8601) of t in UTC. */
static void xmp_date(char out[64], time_t t) {
  struct tm tm;
  gmtime_r(&t, &tm);
  snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The language alternative of a dc text property (dc:title,
 * dc:description). */
static void put_alt(bc_buf *b, const char *name, const char *value) {
  if (!value || !value[0])
    return;
  bc_buf_printf(b, "   <dc:%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", name);
  put_xml(b, value);
  bc_buf_printf(b, "</rdf:li></rdf:Alt></dc:%s>\n", name);
}

/* The XMP packet (ISO 16684-1) of the document: what the information
 * dictionary says (6.6.3: each entry has its XMP equivalent), the ID, the
 * language and the PDF/A identification. */
static void put_xmp(bc_buf *b,
                    const bc_pdf_info *info,
                    const char *producer,
                    const unsigned char id[16]) {
  char date[64], uuid[40];
  int n = 0;
  xmp_date(date, info->created);
  for (int i = 0; i < 16; i++)
    n += snprintf(uuid + n, sizeof uuid - (size_t)n,
                  i == 4 || i == 6 || i == 8 || i == 10 ? "-%02x" : "%02x",
                  id[i]);
  bc_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
                 "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                 " <rdf:RDF "
                 "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                 "  <rdf:Description rdf:about=\"\"\n"
                 "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                 "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                 "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                 "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
                 "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                 "   <dc:format>application/pdf</dc:format>\n");
  put_alt(b, "title", info->title);
  if (info->author && info->author[0]) {
    bc_buf_puts(b, "   <dc:creator><rdf:Seq><rdf:li>");
    put_xml(b, info->author);
    bc_buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
  }
  put_alt(b, "description", info->subject);
  bc_buf_puts(b, "   <dc:language><rdf:Bag><rdf:li>vi-VN</rdf:li></rdf:Bag>"
                 "</dc:language>\n");
  bc_buf_printf(b,
                "   <xmp:CreatorTool>baocao</xmp:CreatorTool>\n"
                "   <xmp:CreateDate>%s</xmp:CreateDate>\n"
                "   <xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                "   <xmp:MetadataDate>%s</xmp:MetadataDate>\n",
                date, date, date);
  bc_buf_puts(b, "   <pdf:Producer>");
  put_xml(b, producer);
  bc_buf_puts(b, "</pdf:Producer>\n");
  if (info->keywords && info->keywords[0]) {
    bc_buf_puts(b, "   <pdf:Keywords>");
    put_xml(b, info->keywords);
    bc_buf_puts(b, "</pdf:Keywords>\n");
  }
  bc_buf_printf(b,
                "   <xmpMM:DocumentID>uuid:%s</xmpMM:DocumentID>\n"
                "   <xmpMM:InstanceID>uuid:%s</xmpMM:InstanceID>\n"
                "   <pdfaid:part>3</pdfaid:part>\n"
                "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                "  </rdf:Description>\n"
                " </rdf:RDF>\n"
                "</x:xmpmeta>\n"
                "<?xpacket end=\"w\"?>",
                uuid, uuid);
}

/* The output intent: the sRGB profile, for the DeviceGray of the text and
 * rules and the DeviceRGB of a signature's appearance (6.2.3.3). */
static int
put_output_intent(HPDF_Doc doc, bc_deflater *deflate_to, bc_error *err) {
  HPDF_MMgr mm = doc->mmgr;
  HPDF_Array intents;
  HPDF_Dict intent, profile;
  int rc;
  if (!(intents = HPDF_Array_New(mm)) ||
      HPDF_Dict_Add(doc->catalog, "OutputIntents", intents) != HPDF_OK ||
      !(intent = HPDF_Dict_New(mm)) ||
      HPDF_Array_Add(intents, intent) != HPDF_OK ||
      !(profile = HPDF_DictStream_New(mm, doc->xref)) ||
      HPDF_Dict_Add(intent, "DestOutputProfile", profile) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                HPDF_String_New(mm, SRGB_NAME, NULL));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(mm, SRGB_NAME, NULL));
  HPDF_Dict_Add(intent, "RegistryName",
                HPDF_String_New(mm, "http://www.color.org", NULL));
  HPDF_Dict_AddNumber(profile, "N", 3);
  if ((rc = bc_pdf__put_stream(deflate_to, profile, bc_srgb_icc,
                               bc_srgb_icc_len, err)))
    return rc;
  return 0;
}

int bc_pdf__write_pdfa(HPDF_Doc doc,
                       const bc_pdf_info *info,
                       const char *producer,
                       const unsigned char id[16],
                       bc_deflater *deflate_to,
                       bc_arena *arena,
                       bc_error *err) {
  HPDF_Dict meta;
  bc_buf b;
  int rc;
  if ((rc = put_output_intent(doc, deflate_to, err)))
    return rc;
  /* Deflated like every other stream: ISO 19005-2 and -3 (6.6.2.1) drop
   * PDF/A-1's "no /Filter on a metadata stream" (19005-1 6.7.2), so a
   * tool that scans the file's bytes for the packet no longer finds it;
   * PDF readers do (docs/performance.md). */
  if (!(meta = HPDF_DictStream_New(doc->mmgr, doc->xref)) ||
      HPDF_Dict_Add(doc->catalog, "Metadata", meta) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_AddName(meta, "Type", "Metadata");
  HPDF_Dict_AddName(meta, "Subtype", "XML");
  bc_buf_init(&b, arena->alloc);
  put_xmp(&b, info, producer, id);
  if (!(rc = bc_buf_check(&b, err)))
    rc = bc_pdf__put_stream_copy(deflate_to, meta, b.data, b.len, err);
  bc_buf_free(&b);
  return rc;
}
