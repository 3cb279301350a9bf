/**
 * Translation as data: the files of {@code hl7-mappings} (channels, routes, mappings, code tables),
 * how they are found on the classpath and read, and how a broken one is reported: by file and line,
 * at startup, before any message is taken.
 *
 * <p>The hub uses a {@link org.yigong.hub.mapping.Translation} from
 * {@link org.yigong.hub.mapping.control.TranslationCatalogue}; a translation that cannot be carried
 * out for a message throws {@link org.yigong.hub.mapping.TranslationFailed}. The few changes that
 * statements cannot express are a {@link org.yigong.hub.mapping.Transformation}.
 */
package org.yigong.hub.mapping;
