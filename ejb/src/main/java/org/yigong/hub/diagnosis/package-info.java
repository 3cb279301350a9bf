/**
 * Remote diagnosis (基层检查、上级诊断、结果互认) as the county sees it: the figures of each
 * centre's readings, taken from the history of the {@code remote-diagnosis} processes.
 */
package org.yigong.hub.diagnosis;
