/**
 * How the files of hl7-mappings are found and read, and the interpreter of mappings: the
 * {@link org.yigong.hub.mapping.control.TranslationCatalogue} loads code tables
 * ({@link org.yigong.hub.mapping.control.CodeTable}) and mapping files into translations that
 * carry out their statements with HAPI on the canonical (2.5.1) model.
 */
package org.yigong.hub.mapping.control;
