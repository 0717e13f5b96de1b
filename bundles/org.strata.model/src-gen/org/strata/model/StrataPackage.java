/**
 */
package org.strata.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * Strata's model: pipelines of compression steps (saved as *.strata XMI files) and the records of their runs.
 * <!-- end-model-doc -->
 * @see org.strata.model.StrataFactory
 * @model kind="package"
 * @generated
 */
public interface StrataPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "model";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://strata.org/model/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "strata";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	StrataPackage eINSTANCE = org.strata.model.impl.StrataPackageImpl.init();

	/**
	 * The meta object id for the '{@link org.strata.model.impl.PipelineImpl <em>Pipeline</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.PipelineImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getPipeline()
	 * @generated
	 */
	int PIPELINE = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__DESCRIPTION = 1;

	/**
	 * The feature id for the '<em><b>Source Model</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__SOURCE_MODEL = 2;

	/**
	 * The feature id for the '<em><b>Target</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__TARGET = 3;

	/**
	 * The feature id for the '<em><b>Stop On Failure</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__STOP_ON_FAILURE = 4;

	/**
	 * The feature id for the '<em><b>Allow Unverified</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__ALLOW_UNVERIFIED = 5;

	/**
	 * The feature id for the '<em><b>Steps</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__STEPS = 6;

	/**
	 * The feature id for the '<em><b>Evaluation</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__EVALUATION = 7;

	/**
	 * The feature id for the '<em><b>Goal</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE__GOAL = 8;

	/**
	 * The number of structural features of the '<em>Pipeline</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_FEATURE_COUNT = 9;

	/**
	 * The number of operations of the '<em>Pipeline</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.StepImpl <em>Step</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.StepImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getStep()
	 * @generated
	 */
	int STEP = 1;

	/**
	 * The feature id for the '<em><b>Technique Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP__TECHNIQUE_ID = 0;

	/**
	 * The feature id for the '<em><b>Enabled</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP__ENABLED = 1;

	/**
	 * The feature id for the '<em><b>Label</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP__LABEL = 2;

	/**
	 * The feature id for the '<em><b>Timeout Seconds</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP__TIMEOUT_SECONDS = 3;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP__PARAMETERS = 4;

	/**
	 * The number of structural features of the '<em>Step</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Step</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.ParameterValueImpl <em>Parameter Value</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.ParameterValueImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getParameterValue()
	 * @generated
	 */
	int PARAMETER_VALUE = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE__VALUE = 1;

	/**
	 * The number of structural features of the '<em>Parameter Value</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Parameter Value</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_VALUE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.EvaluationSpecImpl <em>Evaluation Spec</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.EvaluationSpecImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getEvaluationSpec()
	 * @generated
	 */
	int EVALUATION_SPEC = 3;

	/**
	 * The feature id for the '<em><b>Data</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__DATA = 0;

	/**
	 * The feature id for the '<em><b>Threads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__THREADS = 1;

	/**
	 * The feature id for the '<em><b>Batch</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__BATCH = 2;

	/**
	 * The feature id for the '<em><b>Sequence Lengths</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__SEQUENCE_LENGTHS = 3;

	/**
	 * The feature id for the '<em><b>Max Texts</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__MAX_TEXTS = 4;

	/**
	 * The feature id for the '<em><b>Rounds</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__ROUNDS = 5;

	/**
	 * The feature id for the '<em><b>Warmup</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC__WARMUP = 6;

	/**
	 * The number of structural features of the '<em>Evaluation Spec</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC_FEATURE_COUNT = 7;

	/**
	 * The number of operations of the '<em>Evaluation Spec</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVALUATION_SPEC_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.GoalImpl <em>Goal</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.GoalImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getGoal()
	 * @generated
	 */
	int GOAL = 4;

	/**
	 * The feature id for the '<em><b>Min Mean Cosine</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GOAL__MIN_MEAN_COSINE = 0;

	/**
	 * The feature id for the '<em><b>Max Latency Ratio</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GOAL__MAX_LATENCY_RATIO = 1;

	/**
	 * The feature id for the '<em><b>Max Size Ratio</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GOAL__MAX_SIZE_RATIO = 2;

	/**
	 * The number of structural features of the '<em>Goal</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GOAL_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Goal</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int GOAL_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.RunRecordImpl <em>Run Record</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.RunRecordImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getRunRecord()
	 * @generated
	 */
	int RUN_RECORD = 5;

	/**
	 * The feature id for the '<em><b>Pipeline Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__PIPELINE_NAME = 0;

	/**
	 * The feature id for the '<em><b>Pipeline File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__PIPELINE_FILE = 1;

	/**
	 * The feature id for the '<em><b>Source Model</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__SOURCE_MODEL = 2;

	/**
	 * The feature id for the '<em><b>Output Model</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__OUTPUT_MODEL = 3;

	/**
	 * The feature id for the '<em><b>Strata Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__STRATA_VERSION = 4;

	/**
	 * The feature id for the '<em><b>Started At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__STARTED_AT = 5;

	/**
	 * The feature id for the '<em><b>Duration Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__DURATION_MILLIS = 6;

	/**
	 * The feature id for the '<em><b>Status</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__STATUS = 7;

	/**
	 * The feature id for the '<em><b>Goal Met</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__GOAL_MET = 8;

	/**
	 * The feature id for the '<em><b>Goal Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__GOAL_MESSAGE = 9;

	/**
	 * The feature id for the '<em><b>Threads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__THREADS = 10;

	/**
	 * The feature id for the '<em><b>Batch</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__BATCH = 11;

	/**
	 * The feature id for the '<em><b>Baseline</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__BASELINE = 12;

	/**
	 * The feature id for the '<em><b>Steps</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__STEPS = 13;

	/**
	 * The feature id for the '<em><b>Log</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD__LOG = 14;

	/**
	 * The number of structural features of the '<em>Run Record</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD_FEATURE_COUNT = 15;

	/**
	 * The number of operations of the '<em>Run Record</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_RECORD_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.StepResultImpl <em>Step Result</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.StepResultImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getStepResult()
	 * @generated
	 */
	int STEP_RESULT = 6;

	/**
	 * The feature id for the '<em><b>Number</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__NUMBER = 0;

	/**
	 * The feature id for the '<em><b>Technique Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__TECHNIQUE_ID = 1;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__PARAMETERS = 2;

	/**
	 * The feature id for the '<em><b>Status</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__STATUS = 3;

	/**
	 * The feature id for the '<em><b>Summary</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__SUMMARY = 4;

	/**
	 * The feature id for the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__MESSAGE = 5;

	/**
	 * The feature id for the '<em><b>Lossless</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__LOSSLESS = 6;

	/**
	 * The feature id for the '<em><b>Verified</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__VERIFIED = 7;

	/**
	 * The feature id for the '<em><b>Duration Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__DURATION_MILLIS = 8;

	/**
	 * The feature id for the '<em><b>Model Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__MODEL_BYTES = 9;

	/**
	 * The feature id for the '<em><b>Node Count</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__NODE_COUNT = 10;

	/**
	 * The feature id for the '<em><b>Nodes Added</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__NODES_ADDED = 11;

	/**
	 * The feature id for the '<em><b>Nodes Removed</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__NODES_REMOVED = 12;

	/**
	 * The feature id for the '<em><b>Fingerprint</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__FINGERPRINT = 13;

	/**
	 * The feature id for the '<em><b>Metrics</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__METRICS = 14;

	/**
	 * The feature id for the '<em><b>Analyses</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT__ANALYSES = 15;

	/**
	 * The number of structural features of the '<em>Step Result</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT_FEATURE_COUNT = 16;

	/**
	 * The number of operations of the '<em>Step Result</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int STEP_RESULT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.MetricImpl <em>Metric</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.MetricImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getMetric()
	 * @generated
	 */
	int METRIC = 7;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__NAME = 0;

	/**
	 * The feature id for the '<em><b>Kind</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__KIND = 1;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__VALUE = 2;

	/**
	 * The feature id for the '<em><b>Unit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__UNIT = 3;

	/**
	 * The feature id for the '<em><b>Sequence Length</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__SEQUENCE_LENGTH = 4;

	/**
	 * The number of structural features of the '<em>Metric</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Metric</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.impl.AnalysisImpl <em>Analysis</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.impl.AnalysisImpl
	 * @see org.strata.model.impl.StrataPackageImpl#getAnalysis()
	 * @generated
	 */
	int ANALYSIS = 8;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__ID = 0;

	/**
	 * The feature id for the '<em><b>Title</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__TITLE = 1;

	/**
	 * The feature id for the '<em><b>Kind</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__KIND = 2;

	/**
	 * The feature id for the '<em><b>Row Labels</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__ROW_LABELS = 3;

	/**
	 * The feature id for the '<em><b>Column Labels</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__COLUMN_LABELS = 4;

	/**
	 * The feature id for the '<em><b>Values</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__VALUES = 5;

	/**
	 * The feature id for the '<em><b>Unit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__UNIT = 6;

	/**
	 * The feature id for the '<em><b>Note</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS__NOTE = 7;

	/**
	 * The number of structural features of the '<em>Analysis</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_FEATURE_COUNT = 8;

	/**
	 * The number of operations of the '<em>Analysis</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ANALYSIS_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.strata.model.TargetRuntimeKind <em>Target Runtime Kind</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.TargetRuntimeKind
	 * @see org.strata.model.impl.StrataPackageImpl#getTargetRuntimeKind()
	 * @generated
	 */
	int TARGET_RUNTIME_KIND = 9;

	/**
	 * The meta object id for the '{@link org.strata.model.AnalysisKind <em>Analysis Kind</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.AnalysisKind
	 * @see org.strata.model.impl.StrataPackageImpl#getAnalysisKind()
	 * @generated
	 */
	int ANALYSIS_KIND = 10;

	/**
	 * The meta object id for the '{@link org.strata.model.RunStatus <em>Run Status</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.RunStatus
	 * @see org.strata.model.impl.StrataPackageImpl#getRunStatus()
	 * @generated
	 */
	int RUN_STATUS = 11;

	/**
	 * The meta object id for the '{@link org.strata.model.StepStatus <em>Step Status</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.StepStatus
	 * @see org.strata.model.impl.StrataPackageImpl#getStepStatus()
	 * @generated
	 */
	int STEP_STATUS = 12;

	/**
	 * The meta object id for the '{@link org.strata.model.MetricKind <em>Metric Kind</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.strata.model.MetricKind
	 * @see org.strata.model.impl.StrataPackageImpl#getMetricKind()
	 * @generated
	 */
	int METRIC_KIND = 13;


	/**
	 * Returns the meta object for class '{@link org.strata.model.Pipeline <em>Pipeline</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Pipeline</em>'.
	 * @see org.strata.model.Pipeline
	 * @generated
	 */
	EClass getPipeline();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Pipeline#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.strata.model.Pipeline#getName()
	 * @see #getPipeline()
	 * @generated
	 */
	EAttribute getPipeline_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Pipeline#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see org.strata.model.Pipeline#getDescription()
	 * @see #getPipeline()
	 * @generated
	 */
	EAttribute getPipeline_Description();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Pipeline#getSourceModel <em>Source Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Model</em>'.
	 * @see org.strata.model.Pipeline#getSourceModel()
	 * @see #getPipeline()
	 * @generated
	 */
	EAttribute getPipeline_SourceModel();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Pipeline#getTarget <em>Target</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Target</em>'.
	 * @see org.strata.model.Pipeline#getTarget()
	 * @see #getPipeline()
	 * @generated
	 */
	EAttribute getPipeline_Target();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Pipeline#isStopOnFailure <em>Stop On Failure</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Stop On Failure</em>'.
	 * @see org.strata.model.Pipeline#isStopOnFailure()
	 * @see #getPipeline()
	 * @generated
	 */
	EAttribute getPipeline_StopOnFailure();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Pipeline#isAllowUnverified <em>Allow Unverified</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Allow Unverified</em>'.
	 * @see org.strata.model.Pipeline#isAllowUnverified()
	 * @see #getPipeline()
	 * @generated
	 */
	EAttribute getPipeline_AllowUnverified();

	/**
	 * Returns the meta object for the containment reference list '{@link org.strata.model.Pipeline#getSteps <em>Steps</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Steps</em>'.
	 * @see org.strata.model.Pipeline#getSteps()
	 * @see #getPipeline()
	 * @generated
	 */
	EReference getPipeline_Steps();

	/**
	 * Returns the meta object for the containment reference '{@link org.strata.model.Pipeline#getEvaluation <em>Evaluation</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Evaluation</em>'.
	 * @see org.strata.model.Pipeline#getEvaluation()
	 * @see #getPipeline()
	 * @generated
	 */
	EReference getPipeline_Evaluation();

	/**
	 * Returns the meta object for the containment reference '{@link org.strata.model.Pipeline#getGoal <em>Goal</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Goal</em>'.
	 * @see org.strata.model.Pipeline#getGoal()
	 * @see #getPipeline()
	 * @generated
	 */
	EReference getPipeline_Goal();

	/**
	 * Returns the meta object for class '{@link org.strata.model.Step <em>Step</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Step</em>'.
	 * @see org.strata.model.Step
	 * @generated
	 */
	EClass getStep();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Step#getTechniqueId <em>Technique Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Technique Id</em>'.
	 * @see org.strata.model.Step#getTechniqueId()
	 * @see #getStep()
	 * @generated
	 */
	EAttribute getStep_TechniqueId();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Step#isEnabled <em>Enabled</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Enabled</em>'.
	 * @see org.strata.model.Step#isEnabled()
	 * @see #getStep()
	 * @generated
	 */
	EAttribute getStep_Enabled();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Step#getLabel <em>Label</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Label</em>'.
	 * @see org.strata.model.Step#getLabel()
	 * @see #getStep()
	 * @generated
	 */
	EAttribute getStep_Label();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Step#getTimeoutSeconds <em>Timeout Seconds</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Timeout Seconds</em>'.
	 * @see org.strata.model.Step#getTimeoutSeconds()
	 * @see #getStep()
	 * @generated
	 */
	EAttribute getStep_TimeoutSeconds();

	/**
	 * Returns the meta object for the containment reference list '{@link org.strata.model.Step#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Parameters</em>'.
	 * @see org.strata.model.Step#getParameters()
	 * @see #getStep()
	 * @generated
	 */
	EReference getStep_Parameters();

	/**
	 * Returns the meta object for class '{@link org.strata.model.ParameterValue <em>Parameter Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Parameter Value</em>'.
	 * @see org.strata.model.ParameterValue
	 * @generated
	 */
	EClass getParameterValue();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.ParameterValue#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.strata.model.ParameterValue#getName()
	 * @see #getParameterValue()
	 * @generated
	 */
	EAttribute getParameterValue_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.ParameterValue#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.strata.model.ParameterValue#getValue()
	 * @see #getParameterValue()
	 * @generated
	 */
	EAttribute getParameterValue_Value();

	/**
	 * Returns the meta object for class '{@link org.strata.model.EvaluationSpec <em>Evaluation Spec</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Evaluation Spec</em>'.
	 * @see org.strata.model.EvaluationSpec
	 * @generated
	 */
	EClass getEvaluationSpec();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.EvaluationSpec#getData <em>Data</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Data</em>'.
	 * @see org.strata.model.EvaluationSpec#getData()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_Data();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.EvaluationSpec#getThreads <em>Threads</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Threads</em>'.
	 * @see org.strata.model.EvaluationSpec#getThreads()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_Threads();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.EvaluationSpec#getBatch <em>Batch</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Batch</em>'.
	 * @see org.strata.model.EvaluationSpec#getBatch()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_Batch();

	/**
	 * Returns the meta object for the attribute list '{@link org.strata.model.EvaluationSpec#getSequenceLengths <em>Sequence Lengths</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Sequence Lengths</em>'.
	 * @see org.strata.model.EvaluationSpec#getSequenceLengths()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_SequenceLengths();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.EvaluationSpec#getMaxTexts <em>Max Texts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Texts</em>'.
	 * @see org.strata.model.EvaluationSpec#getMaxTexts()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_MaxTexts();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.EvaluationSpec#getRounds <em>Rounds</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Rounds</em>'.
	 * @see org.strata.model.EvaluationSpec#getRounds()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_Rounds();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.EvaluationSpec#getWarmup <em>Warmup</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Warmup</em>'.
	 * @see org.strata.model.EvaluationSpec#getWarmup()
	 * @see #getEvaluationSpec()
	 * @generated
	 */
	EAttribute getEvaluationSpec_Warmup();

	/**
	 * Returns the meta object for class '{@link org.strata.model.Goal <em>Goal</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Goal</em>'.
	 * @see org.strata.model.Goal
	 * @generated
	 */
	EClass getGoal();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Goal#getMinMeanCosine <em>Min Mean Cosine</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Min Mean Cosine</em>'.
	 * @see org.strata.model.Goal#getMinMeanCosine()
	 * @see #getGoal()
	 * @generated
	 */
	EAttribute getGoal_MinMeanCosine();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Goal#getMaxLatencyRatio <em>Max Latency Ratio</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Latency Ratio</em>'.
	 * @see org.strata.model.Goal#getMaxLatencyRatio()
	 * @see #getGoal()
	 * @generated
	 */
	EAttribute getGoal_MaxLatencyRatio();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Goal#getMaxSizeRatio <em>Max Size Ratio</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Max Size Ratio</em>'.
	 * @see org.strata.model.Goal#getMaxSizeRatio()
	 * @see #getGoal()
	 * @generated
	 */
	EAttribute getGoal_MaxSizeRatio();

	/**
	 * Returns the meta object for class '{@link org.strata.model.RunRecord <em>Run Record</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Run Record</em>'.
	 * @see org.strata.model.RunRecord
	 * @generated
	 */
	EClass getRunRecord();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getPipelineName <em>Pipeline Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pipeline Name</em>'.
	 * @see org.strata.model.RunRecord#getPipelineName()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_PipelineName();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getPipelineFile <em>Pipeline File</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pipeline File</em>'.
	 * @see org.strata.model.RunRecord#getPipelineFile()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_PipelineFile();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getSourceModel <em>Source Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Model</em>'.
	 * @see org.strata.model.RunRecord#getSourceModel()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_SourceModel();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getOutputModel <em>Output Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Output Model</em>'.
	 * @see org.strata.model.RunRecord#getOutputModel()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_OutputModel();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getStrataVersion <em>Strata Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Strata Version</em>'.
	 * @see org.strata.model.RunRecord#getStrataVersion()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_StrataVersion();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getStartedAt <em>Started At</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Started At</em>'.
	 * @see org.strata.model.RunRecord#getStartedAt()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_StartedAt();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getDurationMillis <em>Duration Millis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Duration Millis</em>'.
	 * @see org.strata.model.RunRecord#getDurationMillis()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_DurationMillis();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getStatus <em>Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Status</em>'.
	 * @see org.strata.model.RunRecord#getStatus()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_Status();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#isGoalMet <em>Goal Met</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Goal Met</em>'.
	 * @see org.strata.model.RunRecord#isGoalMet()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_GoalMet();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getGoalMessage <em>Goal Message</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Goal Message</em>'.
	 * @see org.strata.model.RunRecord#getGoalMessage()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_GoalMessage();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getThreads <em>Threads</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Threads</em>'.
	 * @see org.strata.model.RunRecord#getThreads()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_Threads();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.RunRecord#getBatch <em>Batch</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Batch</em>'.
	 * @see org.strata.model.RunRecord#getBatch()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_Batch();

	/**
	 * Returns the meta object for the containment reference '{@link org.strata.model.RunRecord#getBaseline <em>Baseline</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Baseline</em>'.
	 * @see org.strata.model.RunRecord#getBaseline()
	 * @see #getRunRecord()
	 * @generated
	 */
	EReference getRunRecord_Baseline();

	/**
	 * Returns the meta object for the containment reference list '{@link org.strata.model.RunRecord#getSteps <em>Steps</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Steps</em>'.
	 * @see org.strata.model.RunRecord#getSteps()
	 * @see #getRunRecord()
	 * @generated
	 */
	EReference getRunRecord_Steps();

	/**
	 * Returns the meta object for the attribute list '{@link org.strata.model.RunRecord#getLog <em>Log</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Log</em>'.
	 * @see org.strata.model.RunRecord#getLog()
	 * @see #getRunRecord()
	 * @generated
	 */
	EAttribute getRunRecord_Log();

	/**
	 * Returns the meta object for class '{@link org.strata.model.StepResult <em>Step Result</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Step Result</em>'.
	 * @see org.strata.model.StepResult
	 * @generated
	 */
	EClass getStepResult();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getNumber <em>Number</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Number</em>'.
	 * @see org.strata.model.StepResult#getNumber()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Number();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getTechniqueId <em>Technique Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Technique Id</em>'.
	 * @see org.strata.model.StepResult#getTechniqueId()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_TechniqueId();

	/**
	 * Returns the meta object for the containment reference list '{@link org.strata.model.StepResult#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Parameters</em>'.
	 * @see org.strata.model.StepResult#getParameters()
	 * @see #getStepResult()
	 * @generated
	 */
	EReference getStepResult_Parameters();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getStatus <em>Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Status</em>'.
	 * @see org.strata.model.StepResult#getStatus()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Status();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getSummary <em>Summary</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Summary</em>'.
	 * @see org.strata.model.StepResult#getSummary()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Summary();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getMessage <em>Message</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Message</em>'.
	 * @see org.strata.model.StepResult#getMessage()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Message();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#isLossless <em>Lossless</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Lossless</em>'.
	 * @see org.strata.model.StepResult#isLossless()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Lossless();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#isVerified <em>Verified</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Verified</em>'.
	 * @see org.strata.model.StepResult#isVerified()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Verified();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getDurationMillis <em>Duration Millis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Duration Millis</em>'.
	 * @see org.strata.model.StepResult#getDurationMillis()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_DurationMillis();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getModelBytes <em>Model Bytes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Model Bytes</em>'.
	 * @see org.strata.model.StepResult#getModelBytes()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_ModelBytes();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getNodeCount <em>Node Count</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Node Count</em>'.
	 * @see org.strata.model.StepResult#getNodeCount()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_NodeCount();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getNodesAdded <em>Nodes Added</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Nodes Added</em>'.
	 * @see org.strata.model.StepResult#getNodesAdded()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_NodesAdded();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getNodesRemoved <em>Nodes Removed</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Nodes Removed</em>'.
	 * @see org.strata.model.StepResult#getNodesRemoved()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_NodesRemoved();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.StepResult#getFingerprint <em>Fingerprint</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Fingerprint</em>'.
	 * @see org.strata.model.StepResult#getFingerprint()
	 * @see #getStepResult()
	 * @generated
	 */
	EAttribute getStepResult_Fingerprint();

	/**
	 * Returns the meta object for the containment reference list '{@link org.strata.model.StepResult#getMetrics <em>Metrics</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Metrics</em>'.
	 * @see org.strata.model.StepResult#getMetrics()
	 * @see #getStepResult()
	 * @generated
	 */
	EReference getStepResult_Metrics();

	/**
	 * Returns the meta object for the containment reference list '{@link org.strata.model.StepResult#getAnalyses <em>Analyses</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Analyses</em>'.
	 * @see org.strata.model.StepResult#getAnalyses()
	 * @see #getStepResult()
	 * @generated
	 */
	EReference getStepResult_Analyses();

	/**
	 * Returns the meta object for class '{@link org.strata.model.Metric <em>Metric</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Metric</em>'.
	 * @see org.strata.model.Metric
	 * @generated
	 */
	EClass getMetric();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Metric#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.strata.model.Metric#getName()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Metric#getKind <em>Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Kind</em>'.
	 * @see org.strata.model.Metric#getKind()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_Kind();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Metric#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.strata.model.Metric#getValue()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_Value();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Metric#getUnit <em>Unit</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Unit</em>'.
	 * @see org.strata.model.Metric#getUnit()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_Unit();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Metric#getSequenceLength <em>Sequence Length</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sequence Length</em>'.
	 * @see org.strata.model.Metric#getSequenceLength()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_SequenceLength();

	/**
	 * Returns the meta object for class '{@link org.strata.model.Analysis <em>Analysis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Analysis</em>'.
	 * @see org.strata.model.Analysis
	 * @generated
	 */
	EClass getAnalysis();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Analysis#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see org.strata.model.Analysis#getId()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_Id();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Analysis#getTitle <em>Title</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Title</em>'.
	 * @see org.strata.model.Analysis#getTitle()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_Title();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Analysis#getKind <em>Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Kind</em>'.
	 * @see org.strata.model.Analysis#getKind()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_Kind();

	/**
	 * Returns the meta object for the attribute list '{@link org.strata.model.Analysis#getRowLabels <em>Row Labels</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Row Labels</em>'.
	 * @see org.strata.model.Analysis#getRowLabels()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_RowLabels();

	/**
	 * Returns the meta object for the attribute list '{@link org.strata.model.Analysis#getColumnLabels <em>Column Labels</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Column Labels</em>'.
	 * @see org.strata.model.Analysis#getColumnLabels()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_ColumnLabels();

	/**
	 * Returns the meta object for the attribute list '{@link org.strata.model.Analysis#getValues <em>Values</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Values</em>'.
	 * @see org.strata.model.Analysis#getValues()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_Values();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Analysis#getUnit <em>Unit</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Unit</em>'.
	 * @see org.strata.model.Analysis#getUnit()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_Unit();

	/**
	 * Returns the meta object for the attribute '{@link org.strata.model.Analysis#getNote <em>Note</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Note</em>'.
	 * @see org.strata.model.Analysis#getNote()
	 * @see #getAnalysis()
	 * @generated
	 */
	EAttribute getAnalysis_Note();

	/**
	 * Returns the meta object for enum '{@link org.strata.model.TargetRuntimeKind <em>Target Runtime Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Target Runtime Kind</em>'.
	 * @see org.strata.model.TargetRuntimeKind
	 * @generated
	 */
	EEnum getTargetRuntimeKind();

	/**
	 * Returns the meta object for enum '{@link org.strata.model.AnalysisKind <em>Analysis Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Analysis Kind</em>'.
	 * @see org.strata.model.AnalysisKind
	 * @generated
	 */
	EEnum getAnalysisKind();

	/**
	 * Returns the meta object for enum '{@link org.strata.model.RunStatus <em>Run Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Run Status</em>'.
	 * @see org.strata.model.RunStatus
	 * @generated
	 */
	EEnum getRunStatus();

	/**
	 * Returns the meta object for enum '{@link org.strata.model.StepStatus <em>Step Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Step Status</em>'.
	 * @see org.strata.model.StepStatus
	 * @generated
	 */
	EEnum getStepStatus();

	/**
	 * Returns the meta object for enum '{@link org.strata.model.MetricKind <em>Metric Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Metric Kind</em>'.
	 * @see org.strata.model.MetricKind
	 * @generated
	 */
	EEnum getMetricKind();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	StrataFactory getStrataFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link org.strata.model.impl.PipelineImpl <em>Pipeline</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.PipelineImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getPipeline()
		 * @generated
		 */
		EClass PIPELINE = eINSTANCE.getPipeline();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE__NAME = eINSTANCE.getPipeline_Name();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE__DESCRIPTION = eINSTANCE.getPipeline_Description();

		/**
		 * The meta object literal for the '<em><b>Source Model</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE__SOURCE_MODEL = eINSTANCE.getPipeline_SourceModel();

		/**
		 * The meta object literal for the '<em><b>Target</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE__TARGET = eINSTANCE.getPipeline_Target();

		/**
		 * The meta object literal for the '<em><b>Stop On Failure</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE__STOP_ON_FAILURE = eINSTANCE.getPipeline_StopOnFailure();

		/**
		 * The meta object literal for the '<em><b>Allow Unverified</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE__ALLOW_UNVERIFIED = eINSTANCE.getPipeline_AllowUnverified();

		/**
		 * The meta object literal for the '<em><b>Steps</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE__STEPS = eINSTANCE.getPipeline_Steps();

		/**
		 * The meta object literal for the '<em><b>Evaluation</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE__EVALUATION = eINSTANCE.getPipeline_Evaluation();

		/**
		 * The meta object literal for the '<em><b>Goal</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE__GOAL = eINSTANCE.getPipeline_Goal();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.StepImpl <em>Step</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.StepImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getStep()
		 * @generated
		 */
		EClass STEP = eINSTANCE.getStep();

		/**
		 * The meta object literal for the '<em><b>Technique Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP__TECHNIQUE_ID = eINSTANCE.getStep_TechniqueId();

		/**
		 * The meta object literal for the '<em><b>Enabled</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP__ENABLED = eINSTANCE.getStep_Enabled();

		/**
		 * The meta object literal for the '<em><b>Label</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP__LABEL = eINSTANCE.getStep_Label();

		/**
		 * The meta object literal for the '<em><b>Timeout Seconds</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP__TIMEOUT_SECONDS = eINSTANCE.getStep_TimeoutSeconds();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STEP__PARAMETERS = eINSTANCE.getStep_Parameters();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.ParameterValueImpl <em>Parameter Value</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.ParameterValueImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getParameterValue()
		 * @generated
		 */
		EClass PARAMETER_VALUE = eINSTANCE.getParameterValue();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER_VALUE__NAME = eINSTANCE.getParameterValue_Name();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER_VALUE__VALUE = eINSTANCE.getParameterValue_Value();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.EvaluationSpecImpl <em>Evaluation Spec</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.EvaluationSpecImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getEvaluationSpec()
		 * @generated
		 */
		EClass EVALUATION_SPEC = eINSTANCE.getEvaluationSpec();

		/**
		 * The meta object literal for the '<em><b>Data</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__DATA = eINSTANCE.getEvaluationSpec_Data();

		/**
		 * The meta object literal for the '<em><b>Threads</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__THREADS = eINSTANCE.getEvaluationSpec_Threads();

		/**
		 * The meta object literal for the '<em><b>Batch</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__BATCH = eINSTANCE.getEvaluationSpec_Batch();

		/**
		 * The meta object literal for the '<em><b>Sequence Lengths</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__SEQUENCE_LENGTHS = eINSTANCE.getEvaluationSpec_SequenceLengths();

		/**
		 * The meta object literal for the '<em><b>Max Texts</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__MAX_TEXTS = eINSTANCE.getEvaluationSpec_MaxTexts();

		/**
		 * The meta object literal for the '<em><b>Rounds</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__ROUNDS = eINSTANCE.getEvaluationSpec_Rounds();

		/**
		 * The meta object literal for the '<em><b>Warmup</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVALUATION_SPEC__WARMUP = eINSTANCE.getEvaluationSpec_Warmup();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.GoalImpl <em>Goal</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.GoalImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getGoal()
		 * @generated
		 */
		EClass GOAL = eINSTANCE.getGoal();

		/**
		 * The meta object literal for the '<em><b>Min Mean Cosine</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute GOAL__MIN_MEAN_COSINE = eINSTANCE.getGoal_MinMeanCosine();

		/**
		 * The meta object literal for the '<em><b>Max Latency Ratio</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute GOAL__MAX_LATENCY_RATIO = eINSTANCE.getGoal_MaxLatencyRatio();

		/**
		 * The meta object literal for the '<em><b>Max Size Ratio</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute GOAL__MAX_SIZE_RATIO = eINSTANCE.getGoal_MaxSizeRatio();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.RunRecordImpl <em>Run Record</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.RunRecordImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getRunRecord()
		 * @generated
		 */
		EClass RUN_RECORD = eINSTANCE.getRunRecord();

		/**
		 * The meta object literal for the '<em><b>Pipeline Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__PIPELINE_NAME = eINSTANCE.getRunRecord_PipelineName();

		/**
		 * The meta object literal for the '<em><b>Pipeline File</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__PIPELINE_FILE = eINSTANCE.getRunRecord_PipelineFile();

		/**
		 * The meta object literal for the '<em><b>Source Model</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__SOURCE_MODEL = eINSTANCE.getRunRecord_SourceModel();

		/**
		 * The meta object literal for the '<em><b>Output Model</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__OUTPUT_MODEL = eINSTANCE.getRunRecord_OutputModel();

		/**
		 * The meta object literal for the '<em><b>Strata Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__STRATA_VERSION = eINSTANCE.getRunRecord_StrataVersion();

		/**
		 * The meta object literal for the '<em><b>Started At</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__STARTED_AT = eINSTANCE.getRunRecord_StartedAt();

		/**
		 * The meta object literal for the '<em><b>Duration Millis</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__DURATION_MILLIS = eINSTANCE.getRunRecord_DurationMillis();

		/**
		 * The meta object literal for the '<em><b>Status</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__STATUS = eINSTANCE.getRunRecord_Status();

		/**
		 * The meta object literal for the '<em><b>Goal Met</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__GOAL_MET = eINSTANCE.getRunRecord_GoalMet();

		/**
		 * The meta object literal for the '<em><b>Goal Message</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__GOAL_MESSAGE = eINSTANCE.getRunRecord_GoalMessage();

		/**
		 * The meta object literal for the '<em><b>Threads</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__THREADS = eINSTANCE.getRunRecord_Threads();

		/**
		 * The meta object literal for the '<em><b>Batch</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__BATCH = eINSTANCE.getRunRecord_Batch();

		/**
		 * The meta object literal for the '<em><b>Baseline</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference RUN_RECORD__BASELINE = eINSTANCE.getRunRecord_Baseline();

		/**
		 * The meta object literal for the '<em><b>Steps</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference RUN_RECORD__STEPS = eINSTANCE.getRunRecord_Steps();

		/**
		 * The meta object literal for the '<em><b>Log</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN_RECORD__LOG = eINSTANCE.getRunRecord_Log();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.StepResultImpl <em>Step Result</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.StepResultImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getStepResult()
		 * @generated
		 */
		EClass STEP_RESULT = eINSTANCE.getStepResult();

		/**
		 * The meta object literal for the '<em><b>Number</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__NUMBER = eINSTANCE.getStepResult_Number();

		/**
		 * The meta object literal for the '<em><b>Technique Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__TECHNIQUE_ID = eINSTANCE.getStepResult_TechniqueId();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STEP_RESULT__PARAMETERS = eINSTANCE.getStepResult_Parameters();

		/**
		 * The meta object literal for the '<em><b>Status</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__STATUS = eINSTANCE.getStepResult_Status();

		/**
		 * The meta object literal for the '<em><b>Summary</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__SUMMARY = eINSTANCE.getStepResult_Summary();

		/**
		 * The meta object literal for the '<em><b>Message</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__MESSAGE = eINSTANCE.getStepResult_Message();

		/**
		 * The meta object literal for the '<em><b>Lossless</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__LOSSLESS = eINSTANCE.getStepResult_Lossless();

		/**
		 * The meta object literal for the '<em><b>Verified</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__VERIFIED = eINSTANCE.getStepResult_Verified();

		/**
		 * The meta object literal for the '<em><b>Duration Millis</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__DURATION_MILLIS = eINSTANCE.getStepResult_DurationMillis();

		/**
		 * The meta object literal for the '<em><b>Model Bytes</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__MODEL_BYTES = eINSTANCE.getStepResult_ModelBytes();

		/**
		 * The meta object literal for the '<em><b>Node Count</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__NODE_COUNT = eINSTANCE.getStepResult_NodeCount();

		/**
		 * The meta object literal for the '<em><b>Nodes Added</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__NODES_ADDED = eINSTANCE.getStepResult_NodesAdded();

		/**
		 * The meta object literal for the '<em><b>Nodes Removed</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__NODES_REMOVED = eINSTANCE.getStepResult_NodesRemoved();

		/**
		 * The meta object literal for the '<em><b>Fingerprint</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute STEP_RESULT__FINGERPRINT = eINSTANCE.getStepResult_Fingerprint();

		/**
		 * The meta object literal for the '<em><b>Metrics</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STEP_RESULT__METRICS = eINSTANCE.getStepResult_Metrics();

		/**
		 * The meta object literal for the '<em><b>Analyses</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference STEP_RESULT__ANALYSES = eINSTANCE.getStepResult_Analyses();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.MetricImpl <em>Metric</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.MetricImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getMetric()
		 * @generated
		 */
		EClass METRIC = eINSTANCE.getMetric();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__NAME = eINSTANCE.getMetric_Name();

		/**
		 * The meta object literal for the '<em><b>Kind</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__KIND = eINSTANCE.getMetric_Kind();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__VALUE = eINSTANCE.getMetric_Value();

		/**
		 * The meta object literal for the '<em><b>Unit</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__UNIT = eINSTANCE.getMetric_Unit();

		/**
		 * The meta object literal for the '<em><b>Sequence Length</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__SEQUENCE_LENGTH = eINSTANCE.getMetric_SequenceLength();

		/**
		 * The meta object literal for the '{@link org.strata.model.impl.AnalysisImpl <em>Analysis</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.impl.AnalysisImpl
		 * @see org.strata.model.impl.StrataPackageImpl#getAnalysis()
		 * @generated
		 */
		EClass ANALYSIS = eINSTANCE.getAnalysis();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__ID = eINSTANCE.getAnalysis_Id();

		/**
		 * The meta object literal for the '<em><b>Title</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__TITLE = eINSTANCE.getAnalysis_Title();

		/**
		 * The meta object literal for the '<em><b>Kind</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__KIND = eINSTANCE.getAnalysis_Kind();

		/**
		 * The meta object literal for the '<em><b>Row Labels</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__ROW_LABELS = eINSTANCE.getAnalysis_RowLabels();

		/**
		 * The meta object literal for the '<em><b>Column Labels</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__COLUMN_LABELS = eINSTANCE.getAnalysis_ColumnLabels();

		/**
		 * The meta object literal for the '<em><b>Values</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__VALUES = eINSTANCE.getAnalysis_Values();

		/**
		 * The meta object literal for the '<em><b>Unit</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__UNIT = eINSTANCE.getAnalysis_Unit();

		/**
		 * The meta object literal for the '<em><b>Note</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ANALYSIS__NOTE = eINSTANCE.getAnalysis_Note();

		/**
		 * The meta object literal for the '{@link org.strata.model.TargetRuntimeKind <em>Target Runtime Kind</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.TargetRuntimeKind
		 * @see org.strata.model.impl.StrataPackageImpl#getTargetRuntimeKind()
		 * @generated
		 */
		EEnum TARGET_RUNTIME_KIND = eINSTANCE.getTargetRuntimeKind();

		/**
		 * The meta object literal for the '{@link org.strata.model.AnalysisKind <em>Analysis Kind</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.AnalysisKind
		 * @see org.strata.model.impl.StrataPackageImpl#getAnalysisKind()
		 * @generated
		 */
		EEnum ANALYSIS_KIND = eINSTANCE.getAnalysisKind();

		/**
		 * The meta object literal for the '{@link org.strata.model.RunStatus <em>Run Status</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.RunStatus
		 * @see org.strata.model.impl.StrataPackageImpl#getRunStatus()
		 * @generated
		 */
		EEnum RUN_STATUS = eINSTANCE.getRunStatus();

		/**
		 * The meta object literal for the '{@link org.strata.model.StepStatus <em>Step Status</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.StepStatus
		 * @see org.strata.model.impl.StrataPackageImpl#getStepStatus()
		 * @generated
		 */
		EEnum STEP_STATUS = eINSTANCE.getStepStatus();

		/**
		 * The meta object literal for the '{@link org.strata.model.MetricKind <em>Metric Kind</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.strata.model.MetricKind
		 * @see org.strata.model.impl.StrataPackageImpl#getMetricKind()
		 * @generated
		 */
		EEnum METRIC_KIND = eINSTANCE.getMetricKind();

	}

} //StrataPackage
