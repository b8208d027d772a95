package org.moho.io.plot;

import org.moho.core.stage.StageModule;

/**
 * Registers the figure stages. One stage type per kind of figure rather than one {@code plot}
 * with a {@code kind} key: each kind takes different inputs (Waveform, GridTile plus points,
 * Row), and a typed port per stage lets the graph check catch a wrong input before anything runs.
 */
public final class PlotModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("plot.waveform", PlotWaveform.class);
    stage("plot.map", PlotMap.class);
    stage("plot.histogram", PlotHistogram.class);
    stage("plot.line", PlotLine.class);
  }
}
