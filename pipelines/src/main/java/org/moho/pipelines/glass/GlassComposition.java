package org.moho.pipelines.glass;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code glass.composition}: reads the oxide columns of each row (case-insensitive names
 * {@code sio2 tio2 al2o3 feo fe2o3 mno mgo cao na2o k2o p2o5 h2o}; absent = 0), checks that they
 * sum to 100 within {@code tolerance}, and appends the composition renormalised to 100 in both
 * wt% ({@code sio2_wt}...) and mol% ({@code sio2_mol}...), the raw sum ({@code oxide_sum}) and,
 * optionally, structural descriptors (see {@link Composition}). Rows with a missing, non-numeric
 * or negative oxide value, no oxide column at all, or a sum out of tolerance go to errors with
 * the reason; the others keep all their columns.
 */
public final class GlassComposition implements StageType<GlassCompositionConfig> {
  @Override
  public String description() {
    return "Oxide wt% <-> mol% with IUPAC 2021 molar masses for SiO2 TiO2 Al2O3 FeO Fe2O3 MnO MgO CaO Na2O K2O P2O5 "
        + "H2O (columns case-insensitive), renormalised to 100, plus Al/(Al+Si), (Na+K)/Al, NBO/T (Mysen 1988) and "
        + "optical basicity (Duffy & Ingram 1976). Rows whose oxide sum is off 100 by more than `tolerance`, or "
        + "with a non-numeric or negative oxide, go to errors with the reason.";
  }

  @Override
  public Class<GlassCompositionConfig> configType() {
    return GlassCompositionConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: glass
          use: glass.composition
          from: table
          with: {units: mol, tolerance: 1.0, descriptors: true}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GlassCompositionConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        PCollectionTuple out = rows.apply("Compose", WithErrors.of(ctx.stageId(), Row.class, new ComposeFn(config)));
        return StageOutputs.of(out.get(StageOutputs.<Row>main()), out.get(StageOutputs.ERRORS));
      }
    };
  }

  /** Per-row work; pure apart from the Row it returns. */
  static final class ComposeFn implements RecordFn<Row, Row> {
    private final GlassCompositionConfig config;

    ComposeFn(GlassCompositionConfig config) {
      this.config = config;
    }

    @Override
    public void apply(Row row, Consumer<Row> out) throws RecordException {
      out.accept(compose(config, row));
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  /** The row with the normalised compositions and descriptors appended. */
  public static Row compose(GlassCompositionConfig config, Row row) throws RecordException {
    Composition raw = read(row, config.units());
    double sum = raw.sum();
    if (!(Math.abs(sum - 100) <= config.tolerance())) {
      throw new RecordException(String.format(Locale.ROOT, "oxide sum %.4f differs from 100 by more than the tolerance %s",
          sum, config.tolerance()), String.valueOf(row.values()));
    }
    Composition wt = raw.toWt();
    Composition mol = raw.toMol();
    Row r = row;
    for (Oxide o : Oxide.values()) r = r.with(o.column() + "_wt", wt.get(o));
    for (Oxide o : Oxide.values()) r = r.with(o.column() + "_mol", mol.get(o));
    r = r.with("oxide_sum", sum);
    if (config.descriptors()) {
      r = r.with("al_al_si", orNull(raw.alOverAlSi()));
      r = r.with("nak_al", orNull(raw.alkalisOverAl()));
      r = r.with("nbo_t", orNull(raw.nbOverT()));
      r = r.with("optical_basicity", orNull(raw.opticalBasicity()));
    }
    return r;
  }

  private static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** The oxide columns of a row (case-insensitive); RecordException for a bad value or none at all. */
  static Composition read(Row row, Composition.Units units) throws RecordException {
    EnumMap<Oxide, Double> amounts = new EnumMap<>(Oxide.class);
    for (Map.Entry<String, Object> e : row.values().entrySet()) {
      for (Oxide o : Oxide.values()) {
        if (!e.getKey().equalsIgnoreCase(o.column())) continue;
        double v = number(e.getValue());
        if (!Double.isFinite(v)) throw new RecordException("oxide " + e.getKey() + " is not a number: " + e.getValue());
        if (v < 0) throw new RecordException("oxide " + e.getKey() + " is negative: " + v);
        amounts.put(o, v);
      }
    }
    if (amounts.isEmpty()) {
      throw new RecordException("no oxide column (expected some of sio2, tio2, al2o3, feo, fe2o3, mno, mgo, cao, na2o, k2o, p2o5, h2o)");
    }
    return new Composition(units, amounts);
  }

  private static double number(Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v == null) return Double.NaN;
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
