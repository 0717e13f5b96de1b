/**
 */
package org.strata.model.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeUniqueEList;
import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.StepResult;
import org.strata.model.StrataPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Run Record</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getPipelineName <em>Pipeline Name</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getPipelineFile <em>Pipeline File</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getSourceModel <em>Source Model</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getOutputModel <em>Output Model</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getStrataVersion <em>Strata Version</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getStartedAt <em>Started At</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getDurationMillis <em>Duration Millis</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getStatus <em>Status</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#isGoalMet <em>Goal Met</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getGoalMessage <em>Goal Message</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getThreads <em>Threads</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getBatch <em>Batch</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getBaseline <em>Baseline</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getSteps <em>Steps</em>}</li>
 *   <li>{@link org.strata.model.impl.RunRecordImpl#getLog <em>Log</em>}</li>
 * </ul>
 *
 * @generated
 */
public class RunRecordImpl extends MinimalEObjectImpl.Container implements RunRecord {
	/**
	 * The default value of the '{@link #getPipelineName() <em>Pipeline Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPipelineName()
	 * @generated
	 * @ordered
	 */
	protected static final String PIPELINE_NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getPipelineName() <em>Pipeline Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPipelineName()
	 * @generated
	 * @ordered
	 */
	protected String pipelineName = PIPELINE_NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getPipelineFile() <em>Pipeline File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPipelineFile()
	 * @generated
	 * @ordered
	 */
	protected static final String PIPELINE_FILE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getPipelineFile() <em>Pipeline File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPipelineFile()
	 * @generated
	 * @ordered
	 */
	protected String pipelineFile = PIPELINE_FILE_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourceModel() <em>Source Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceModel()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_MODEL_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourceModel() <em>Source Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceModel()
	 * @generated
	 * @ordered
	 */
	protected String sourceModel = SOURCE_MODEL_EDEFAULT;

	/**
	 * The default value of the '{@link #getOutputModel() <em>Output Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOutputModel()
	 * @generated
	 * @ordered
	 */
	protected static final String OUTPUT_MODEL_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getOutputModel() <em>Output Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOutputModel()
	 * @generated
	 * @ordered
	 */
	protected String outputModel = OUTPUT_MODEL_EDEFAULT;

	/**
	 * The default value of the '{@link #getStrataVersion() <em>Strata Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStrataVersion()
	 * @generated
	 * @ordered
	 */
	protected static final String STRATA_VERSION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getStrataVersion() <em>Strata Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStrataVersion()
	 * @generated
	 * @ordered
	 */
	protected String strataVersion = STRATA_VERSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getStartedAt() <em>Started At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStartedAt()
	 * @generated
	 * @ordered
	 */
	protected static final String STARTED_AT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getStartedAt() <em>Started At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStartedAt()
	 * @generated
	 * @ordered
	 */
	protected String startedAt = STARTED_AT_EDEFAULT;

	/**
	 * The default value of the '{@link #getDurationMillis() <em>Duration Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDurationMillis()
	 * @generated
	 * @ordered
	 */
	protected static final long DURATION_MILLIS_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getDurationMillis() <em>Duration Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDurationMillis()
	 * @generated
	 * @ordered
	 */
	protected long durationMillis = DURATION_MILLIS_EDEFAULT;

	/**
	 * The default value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected static final RunStatus STATUS_EDEFAULT = RunStatus.RUNNING;

	/**
	 * The cached value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected RunStatus status = STATUS_EDEFAULT;

	/**
	 * The default value of the '{@link #isGoalMet() <em>Goal Met</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isGoalMet()
	 * @generated
	 * @ordered
	 */
	protected static final boolean GOAL_MET_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isGoalMet() <em>Goal Met</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isGoalMet()
	 * @generated
	 * @ordered
	 */
	protected boolean goalMet = GOAL_MET_EDEFAULT;

	/**
	 * The default value of the '{@link #getGoalMessage() <em>Goal Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGoalMessage()
	 * @generated
	 * @ordered
	 */
	protected static final String GOAL_MESSAGE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getGoalMessage() <em>Goal Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGoalMessage()
	 * @generated
	 * @ordered
	 */
	protected String goalMessage = GOAL_MESSAGE_EDEFAULT;

	/**
	 * The default value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected static final int THREADS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected int threads = THREADS_EDEFAULT;

	/**
	 * The default value of the '{@link #getBatch() <em>Batch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBatch()
	 * @generated
	 * @ordered
	 */
	protected static final int BATCH_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getBatch() <em>Batch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBatch()
	 * @generated
	 * @ordered
	 */
	protected int batch = BATCH_EDEFAULT;

	/**
	 * The cached value of the '{@link #getBaseline() <em>Baseline</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBaseline()
	 * @generated
	 * @ordered
	 */
	protected StepResult baseline;

	/**
	 * The cached value of the '{@link #getSteps() <em>Steps</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSteps()
	 * @generated
	 * @ordered
	 */
	protected EList<StepResult> steps;

	/**
	 * The cached value of the '{@link #getLog() <em>Log</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLog()
	 * @generated
	 * @ordered
	 */
	protected EList<String> log;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected RunRecordImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return StrataPackage.Literals.RUN_RECORD;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getPipelineName() {
		return pipelineName;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPipelineName(String newPipelineName) {
		String oldPipelineName = pipelineName;
		pipelineName = newPipelineName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__PIPELINE_NAME, oldPipelineName, pipelineName));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getPipelineFile() {
		return pipelineFile;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPipelineFile(String newPipelineFile) {
		String oldPipelineFile = pipelineFile;
		pipelineFile = newPipelineFile;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__PIPELINE_FILE, oldPipelineFile, pipelineFile));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourceModel() {
		return sourceModel;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceModel(String newSourceModel) {
		String oldSourceModel = sourceModel;
		sourceModel = newSourceModel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__SOURCE_MODEL, oldSourceModel, sourceModel));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getOutputModel() {
		return outputModel;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOutputModel(String newOutputModel) {
		String oldOutputModel = outputModel;
		outputModel = newOutputModel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__OUTPUT_MODEL, oldOutputModel, outputModel));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getStrataVersion() {
		return strataVersion;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStrataVersion(String newStrataVersion) {
		String oldStrataVersion = strataVersion;
		strataVersion = newStrataVersion;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__STRATA_VERSION, oldStrataVersion, strataVersion));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getStartedAt() {
		return startedAt;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStartedAt(String newStartedAt) {
		String oldStartedAt = startedAt;
		startedAt = newStartedAt;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__STARTED_AT, oldStartedAt, startedAt));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getDurationMillis() {
		return durationMillis;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDurationMillis(long newDurationMillis) {
		long oldDurationMillis = durationMillis;
		durationMillis = newDurationMillis;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__DURATION_MILLIS, oldDurationMillis, durationMillis));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public RunStatus getStatus() {
		return status;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStatus(RunStatus newStatus) {
		RunStatus oldStatus = status;
		status = newStatus == null ? STATUS_EDEFAULT : newStatus;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__STATUS, oldStatus, status));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isGoalMet() {
		return goalMet;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGoalMet(boolean newGoalMet) {
		boolean oldGoalMet = goalMet;
		goalMet = newGoalMet;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__GOAL_MET, oldGoalMet, goalMet));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getGoalMessage() {
		return goalMessage;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGoalMessage(String newGoalMessage) {
		String oldGoalMessage = goalMessage;
		goalMessage = newGoalMessage;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__GOAL_MESSAGE, oldGoalMessage, goalMessage));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getThreads() {
		return threads;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setThreads(int newThreads) {
		int oldThreads = threads;
		threads = newThreads;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__THREADS, oldThreads, threads));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getBatch() {
		return batch;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBatch(int newBatch) {
		int oldBatch = batch;
		batch = newBatch;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__BATCH, oldBatch, batch));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public StepResult getBaseline() {
		return baseline;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetBaseline(StepResult newBaseline, NotificationChain msgs) {
		StepResult oldBaseline = baseline;
		baseline = newBaseline;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__BASELINE, oldBaseline, newBaseline);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBaseline(StepResult newBaseline) {
		if (newBaseline != baseline) {
			NotificationChain msgs = null;
			if (baseline != null)
				msgs = ((InternalEObject)baseline).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - StrataPackage.RUN_RECORD__BASELINE, null, msgs);
			if (newBaseline != null)
				msgs = ((InternalEObject)newBaseline).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - StrataPackage.RUN_RECORD__BASELINE, null, msgs);
			msgs = basicSetBaseline(newBaseline, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.RUN_RECORD__BASELINE, newBaseline, newBaseline));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<StepResult> getSteps() {
		if (steps == null) {
			steps = new EObjectContainmentEList<StepResult>(StepResult.class, this, StrataPackage.RUN_RECORD__STEPS);
		}
		return steps;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<String> getLog() {
		if (log == null) {
			log = new EDataTypeUniqueEList<String>(String.class, this, StrataPackage.RUN_RECORD__LOG);
		}
		return log;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case StrataPackage.RUN_RECORD__BASELINE:
				return basicSetBaseline(null, msgs);
			case StrataPackage.RUN_RECORD__STEPS:
				return ((InternalEList<?>)getSteps()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case StrataPackage.RUN_RECORD__PIPELINE_NAME:
				return getPipelineName();
			case StrataPackage.RUN_RECORD__PIPELINE_FILE:
				return getPipelineFile();
			case StrataPackage.RUN_RECORD__SOURCE_MODEL:
				return getSourceModel();
			case StrataPackage.RUN_RECORD__OUTPUT_MODEL:
				return getOutputModel();
			case StrataPackage.RUN_RECORD__STRATA_VERSION:
				return getStrataVersion();
			case StrataPackage.RUN_RECORD__STARTED_AT:
				return getStartedAt();
			case StrataPackage.RUN_RECORD__DURATION_MILLIS:
				return getDurationMillis();
			case StrataPackage.RUN_RECORD__STATUS:
				return getStatus();
			case StrataPackage.RUN_RECORD__GOAL_MET:
				return isGoalMet();
			case StrataPackage.RUN_RECORD__GOAL_MESSAGE:
				return getGoalMessage();
			case StrataPackage.RUN_RECORD__THREADS:
				return getThreads();
			case StrataPackage.RUN_RECORD__BATCH:
				return getBatch();
			case StrataPackage.RUN_RECORD__BASELINE:
				return getBaseline();
			case StrataPackage.RUN_RECORD__STEPS:
				return getSteps();
			case StrataPackage.RUN_RECORD__LOG:
				return getLog();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case StrataPackage.RUN_RECORD__PIPELINE_NAME:
				setPipelineName((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__PIPELINE_FILE:
				setPipelineFile((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__SOURCE_MODEL:
				setSourceModel((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__OUTPUT_MODEL:
				setOutputModel((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__STRATA_VERSION:
				setStrataVersion((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__STARTED_AT:
				setStartedAt((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__DURATION_MILLIS:
				setDurationMillis((Long)newValue);
				return;
			case StrataPackage.RUN_RECORD__STATUS:
				setStatus((RunStatus)newValue);
				return;
			case StrataPackage.RUN_RECORD__GOAL_MET:
				setGoalMet((Boolean)newValue);
				return;
			case StrataPackage.RUN_RECORD__GOAL_MESSAGE:
				setGoalMessage((String)newValue);
				return;
			case StrataPackage.RUN_RECORD__THREADS:
				setThreads((Integer)newValue);
				return;
			case StrataPackage.RUN_RECORD__BATCH:
				setBatch((Integer)newValue);
				return;
			case StrataPackage.RUN_RECORD__BASELINE:
				setBaseline((StepResult)newValue);
				return;
			case StrataPackage.RUN_RECORD__STEPS:
				getSteps().clear();
				getSteps().addAll((Collection<? extends StepResult>)newValue);
				return;
			case StrataPackage.RUN_RECORD__LOG:
				getLog().clear();
				getLog().addAll((Collection<? extends String>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case StrataPackage.RUN_RECORD__PIPELINE_NAME:
				setPipelineName(PIPELINE_NAME_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__PIPELINE_FILE:
				setPipelineFile(PIPELINE_FILE_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__SOURCE_MODEL:
				setSourceModel(SOURCE_MODEL_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__OUTPUT_MODEL:
				setOutputModel(OUTPUT_MODEL_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__STRATA_VERSION:
				setStrataVersion(STRATA_VERSION_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__STARTED_AT:
				setStartedAt(STARTED_AT_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__DURATION_MILLIS:
				setDurationMillis(DURATION_MILLIS_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__STATUS:
				setStatus(STATUS_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__GOAL_MET:
				setGoalMet(GOAL_MET_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__GOAL_MESSAGE:
				setGoalMessage(GOAL_MESSAGE_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__THREADS:
				setThreads(THREADS_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__BATCH:
				setBatch(BATCH_EDEFAULT);
				return;
			case StrataPackage.RUN_RECORD__BASELINE:
				setBaseline((StepResult)null);
				return;
			case StrataPackage.RUN_RECORD__STEPS:
				getSteps().clear();
				return;
			case StrataPackage.RUN_RECORD__LOG:
				getLog().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case StrataPackage.RUN_RECORD__PIPELINE_NAME:
				return PIPELINE_NAME_EDEFAULT == null ? pipelineName != null : !PIPELINE_NAME_EDEFAULT.equals(pipelineName);
			case StrataPackage.RUN_RECORD__PIPELINE_FILE:
				return PIPELINE_FILE_EDEFAULT == null ? pipelineFile != null : !PIPELINE_FILE_EDEFAULT.equals(pipelineFile);
			case StrataPackage.RUN_RECORD__SOURCE_MODEL:
				return SOURCE_MODEL_EDEFAULT == null ? sourceModel != null : !SOURCE_MODEL_EDEFAULT.equals(sourceModel);
			case StrataPackage.RUN_RECORD__OUTPUT_MODEL:
				return OUTPUT_MODEL_EDEFAULT == null ? outputModel != null : !OUTPUT_MODEL_EDEFAULT.equals(outputModel);
			case StrataPackage.RUN_RECORD__STRATA_VERSION:
				return STRATA_VERSION_EDEFAULT == null ? strataVersion != null : !STRATA_VERSION_EDEFAULT.equals(strataVersion);
			case StrataPackage.RUN_RECORD__STARTED_AT:
				return STARTED_AT_EDEFAULT == null ? startedAt != null : !STARTED_AT_EDEFAULT.equals(startedAt);
			case StrataPackage.RUN_RECORD__DURATION_MILLIS:
				return durationMillis != DURATION_MILLIS_EDEFAULT;
			case StrataPackage.RUN_RECORD__STATUS:
				return status != STATUS_EDEFAULT;
			case StrataPackage.RUN_RECORD__GOAL_MET:
				return goalMet != GOAL_MET_EDEFAULT;
			case StrataPackage.RUN_RECORD__GOAL_MESSAGE:
				return GOAL_MESSAGE_EDEFAULT == null ? goalMessage != null : !GOAL_MESSAGE_EDEFAULT.equals(goalMessage);
			case StrataPackage.RUN_RECORD__THREADS:
				return threads != THREADS_EDEFAULT;
			case StrataPackage.RUN_RECORD__BATCH:
				return batch != BATCH_EDEFAULT;
			case StrataPackage.RUN_RECORD__BASELINE:
				return baseline != null;
			case StrataPackage.RUN_RECORD__STEPS:
				return steps != null && !steps.isEmpty();
			case StrataPackage.RUN_RECORD__LOG:
				return log != null && !log.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (pipelineName: ");
		result.append(pipelineName);
		result.append(", pipelineFile: ");
		result.append(pipelineFile);
		result.append(", sourceModel: ");
		result.append(sourceModel);
		result.append(", outputModel: ");
		result.append(outputModel);
		result.append(", strataVersion: ");
		result.append(strataVersion);
		result.append(", startedAt: ");
		result.append(startedAt);
		result.append(", durationMillis: ");
		result.append(durationMillis);
		result.append(", status: ");
		result.append(status);
		result.append(", goalMet: ");
		result.append(goalMet);
		result.append(", goalMessage: ");
		result.append(goalMessage);
		result.append(", threads: ");
		result.append(threads);
		result.append(", batch: ");
		result.append(batch);
		result.append(", log: ");
		result.append(log);
		result.append(')');
		return result.toString();
	}

} //RunRecordImpl
