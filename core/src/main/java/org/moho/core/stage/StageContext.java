package org.moho.core.stage;

import java.nio.file.Path;

/**
 * What a stage may know of the run it is part of: its id (the namespace of its metrics and the
 * stage named in its error records), the spec's folder, and the run's output folder.
 */
public record StageContext(String stageId, Path specFolder, Path outFolder, boolean distributed) {}
