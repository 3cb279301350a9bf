/**
 * How the files of hl7-mappings are found and read, and the interpreter of mappings: the
 * {@link org.yigong.hub.mapping.control.TranslationCatalogue} loads code tables
 * ({@link org.yigong.hub.mapping.control.CodeTable}) and mapping files into translations that
 * carry out their statements with HAPI on the canonical (2.5.1) model, or, for text, on the text
 * itself with the same result to the byte ({@code TextMessage}), which spares HAPI's parsing and
 * encoding; {@code TranslationOnTextTest} compares the two on every example and sample.
 */
package org.yigong.hub.mapping.control;
