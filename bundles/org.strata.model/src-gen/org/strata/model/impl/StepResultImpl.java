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

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

import org.strata.model.Analysis;
import org.strata.model.Metric;
import org.strata.model.ParameterValue;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Step Result</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getNumber <em>Number</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getTechniqueId <em>Technique Id</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getStatus <em>Status</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getSummary <em>Summary</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getMessage <em>Message</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#isLossless <em>Lossless</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#isVerified <em>Verified</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getDurationMillis <em>Duration Millis</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getModelBytes <em>Model Bytes</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getNodeCount <em>Node Count</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getNodesAdded <em>Nodes Added</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getNodesRemoved <em>Nodes Removed</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getFingerprint <em>Fingerprint</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getMetrics <em>Metrics</em>}</li>
 *   <li>{@link org.strata.model.impl.StepResultImpl#getAnalyses <em>Analyses</em>}</li>
 * </ul>
 *
 * @generated
 */
public class StepResultImpl extends MinimalEObjectImpl.Container implements StepResult {
	/**
	 * The default value of the '{@link #getNumber() <em>Number</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNumber()
	 * @generated
	 * @ordered
	 */
	protected static final int NUMBER_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNumber() <em>Number</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNumber()
	 * @generated
	 * @ordered
	 */
	protected int number = NUMBER_EDEFAULT;

	/**
	 * The default value of the '{@link #getTechniqueId() <em>Technique Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTechniqueId()
	 * @generated
	 * @ordered
	 */
	protected static final String TECHNIQUE_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTechniqueId() <em>Technique Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTechniqueId()
	 * @generated
	 * @ordered
	 */
	protected String techniqueId = TECHNIQUE_ID_EDEFAULT;

	/**
	 * The cached value of the '{@link #getParameters() <em>Parameters</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParameters()
	 * @generated
	 * @ordered
	 */
	protected EList<ParameterValue> parameters;

	/**
	 * The default value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected static final StepStatus STATUS_EDEFAULT = StepStatus.APPLIED;

	/**
	 * The cached value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected StepStatus status = STATUS_EDEFAULT;

	/**
	 * The default value of the '{@link #getSummary() <em>Summary</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSummary()
	 * @generated
	 * @ordered
	 */
	protected static final String SUMMARY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSummary() <em>Summary</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSummary()
	 * @generated
	 * @ordered
	 */
	protected String summary = SUMMARY_EDEFAULT;

	/**
	 * The default value of the '{@link #getMessage() <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMessage()
	 * @generated
	 * @ordered
	 */
	protected static final String MESSAGE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getMessage() <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMessage()
	 * @generated
	 * @ordered
	 */
	protected String message = MESSAGE_EDEFAULT;

	/**
	 * The default value of the '{@link #isLossless() <em>Lossless</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isLossless()
	 * @generated
	 * @ordered
	 */
	protected static final boolean LOSSLESS_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isLossless() <em>Lossless</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isLossless()
	 * @generated
	 * @ordered
	 */
	protected boolean lossless = LOSSLESS_EDEFAULT;

	/**
	 * The default value of the '{@link #isVerified() <em>Verified</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isVerified()
	 * @generated
	 * @ordered
	 */
	protected static final boolean VERIFIED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isVerified() <em>Verified</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isVerified()
	 * @generated
	 * @ordered
	 */
	protected boolean verified = VERIFIED_EDEFAULT;

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
	 * The default value of the '{@link #getModelBytes() <em>Model Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModelBytes()
	 * @generated
	 * @ordered
	 */
	protected static final long MODEL_BYTES_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getModelBytes() <em>Model Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModelBytes()
	 * @generated
	 * @ordered
	 */
	protected long modelBytes = MODEL_BYTES_EDEFAULT;

	/**
	 * The default value of the '{@link #getNodeCount() <em>Node Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodeCount()
	 * @generated
	 * @ordered
	 */
	protected static final int NODE_COUNT_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNodeCount() <em>Node Count</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodeCount()
	 * @generated
	 * @ordered
	 */
	protected int nodeCount = NODE_COUNT_EDEFAULT;

	/**
	 * The default value of the '{@link #getNodesAdded() <em>Nodes Added</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodesAdded()
	 * @generated
	 * @ordered
	 */
	protected static final int NODES_ADDED_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNodesAdded() <em>Nodes Added</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodesAdded()
	 * @generated
	 * @ordered
	 */
	protected int nodesAdded = NODES_ADDED_EDEFAULT;

	/**
	 * The default value of the '{@link #getNodesRemoved() <em>Nodes Removed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodesRemoved()
	 * @generated
	 * @ordered
	 */
	protected static final int NODES_REMOVED_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNodesRemoved() <em>Nodes Removed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNodesRemoved()
	 * @generated
	 * @ordered
	 */
	protected int nodesRemoved = NODES_REMOVED_EDEFAULT;

	/**
	 * The default value of the '{@link #getFingerprint() <em>Fingerprint</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFingerprint()
	 * @generated
	 * @ordered
	 */
	protected static final String FINGERPRINT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFingerprint() <em>Fingerprint</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFingerprint()
	 * @generated
	 * @ordered
	 */
	protected String fingerprint = FINGERPRINT_EDEFAULT;

	/**
	 * The cached value of the '{@link #getMetrics() <em>Metrics</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMetrics()
	 * @generated
	 * @ordered
	 */
	protected EList<Metric> metrics;

	/**
	 * The cached value of the '{@link #getAnalyses() <em>Analyses</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAnalyses()
	 * @generated
	 * @ordered
	 */
	protected EList<Analysis> analyses;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected StepResultImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return StrataPackage.Literals.STEP_RESULT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNumber() {
		return number;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNumber(int newNumber) {
		int oldNumber = number;
		number = newNumber;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__NUMBER, oldNumber, number));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTechniqueId() {
		return techniqueId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTechniqueId(String newTechniqueId) {
		String oldTechniqueId = techniqueId;
		techniqueId = newTechniqueId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__TECHNIQUE_ID, oldTechniqueId, techniqueId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ParameterValue> getParameters() {
		if (parameters == null) {
			parameters = new EObjectContainmentEList<ParameterValue>(ParameterValue.class, this, StrataPackage.STEP_RESULT__PARAMETERS);
		}
		return parameters;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public StepStatus getStatus() {
		return status;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStatus(StepStatus newStatus) {
		StepStatus oldStatus = status;
		status = newStatus == null ? STATUS_EDEFAULT : newStatus;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__STATUS, oldStatus, status));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSummary() {
		return summary;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSummary(String newSummary) {
		String oldSummary = summary;
		summary = newSummary;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__SUMMARY, oldSummary, summary));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getMessage() {
		return message;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMessage(String newMessage) {
		String oldMessage = message;
		message = newMessage;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__MESSAGE, oldMessage, message));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isLossless() {
		return lossless;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLossless(boolean newLossless) {
		boolean oldLossless = lossless;
		lossless = newLossless;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__LOSSLESS, oldLossless, lossless));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isVerified() {
		return verified;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setVerified(boolean newVerified) {
		boolean oldVerified = verified;
		verified = newVerified;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__VERIFIED, oldVerified, verified));
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
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__DURATION_MILLIS, oldDurationMillis, durationMillis));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getModelBytes() {
		return modelBytes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setModelBytes(long newModelBytes) {
		long oldModelBytes = modelBytes;
		modelBytes = newModelBytes;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__MODEL_BYTES, oldModelBytes, modelBytes));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNodeCount() {
		return nodeCount;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNodeCount(int newNodeCount) {
		int oldNodeCount = nodeCount;
		nodeCount = newNodeCount;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__NODE_COUNT, oldNodeCount, nodeCount));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNodesAdded() {
		return nodesAdded;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNodesAdded(int newNodesAdded) {
		int oldNodesAdded = nodesAdded;
		nodesAdded = newNodesAdded;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__NODES_ADDED, oldNodesAdded, nodesAdded));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNodesRemoved() {
		return nodesRemoved;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNodesRemoved(int newNodesRemoved) {
		int oldNodesRemoved = nodesRemoved;
		nodesRemoved = newNodesRemoved;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__NODES_REMOVED, oldNodesRemoved, nodesRemoved));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFingerprint() {
		return fingerprint;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFingerprint(String newFingerprint) {
		String oldFingerprint = fingerprint;
		fingerprint = newFingerprint;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.STEP_RESULT__FINGERPRINT, oldFingerprint, fingerprint));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Metric> getMetrics() {
		if (metrics == null) {
			metrics = new EObjectContainmentEList<Metric>(Metric.class, this, StrataPackage.STEP_RESULT__METRICS);
		}
		return metrics;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Analysis> getAnalyses() {
		if (analyses == null) {
			analyses = new EObjectContainmentEList<Analysis>(Analysis.class, this, StrataPackage.STEP_RESULT__ANALYSES);
		}
		return analyses;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case StrataPackage.STEP_RESULT__PARAMETERS:
				return ((InternalEList<?>)getParameters()).basicRemove(otherEnd, msgs);
			case StrataPackage.STEP_RESULT__METRICS:
				return ((InternalEList<?>)getMetrics()).basicRemove(otherEnd, msgs);
			case StrataPackage.STEP_RESULT__ANALYSES:
				return ((InternalEList<?>)getAnalyses()).basicRemove(otherEnd, msgs);
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
			case StrataPackage.STEP_RESULT__NUMBER:
				return getNumber();
			case StrataPackage.STEP_RESULT__TECHNIQUE_ID:
				return getTechniqueId();
			case StrataPackage.STEP_RESULT__PARAMETERS:
				return getParameters();
			case StrataPackage.STEP_RESULT__STATUS:
				return getStatus();
			case StrataPackage.STEP_RESULT__SUMMARY:
				return getSummary();
			case StrataPackage.STEP_RESULT__MESSAGE:
				return getMessage();
			case StrataPackage.STEP_RESULT__LOSSLESS:
				return isLossless();
			case StrataPackage.STEP_RESULT__VERIFIED:
				return isVerified();
			case StrataPackage.STEP_RESULT__DURATION_MILLIS:
				return getDurationMillis();
			case StrataPackage.STEP_RESULT__MODEL_BYTES:
				return getModelBytes();
			case StrataPackage.STEP_RESULT__NODE_COUNT:
				return getNodeCount();
			case StrataPackage.STEP_RESULT__NODES_ADDED:
				return getNodesAdded();
			case StrataPackage.STEP_RESULT__NODES_REMOVED:
				return getNodesRemoved();
			case StrataPackage.STEP_RESULT__FINGERPRINT:
				return getFingerprint();
			case StrataPackage.STEP_RESULT__METRICS:
				return getMetrics();
			case StrataPackage.STEP_RESULT__ANALYSES:
				return getAnalyses();
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
			case StrataPackage.STEP_RESULT__NUMBER:
				setNumber((Integer)newValue);
				return;
			case StrataPackage.STEP_RESULT__TECHNIQUE_ID:
				setTechniqueId((String)newValue);
				return;
			case StrataPackage.STEP_RESULT__PARAMETERS:
				getParameters().clear();
				getParameters().addAll((Collection<? extends ParameterValue>)newValue);
				return;
			case StrataPackage.STEP_RESULT__STATUS:
				setStatus((StepStatus)newValue);
				return;
			case StrataPackage.STEP_RESULT__SUMMARY:
				setSummary((String)newValue);
				return;
			case StrataPackage.STEP_RESULT__MESSAGE:
				setMessage((String)newValue);
				return;
			case StrataPackage.STEP_RESULT__LOSSLESS:
				setLossless((Boolean)newValue);
				return;
			case StrataPackage.STEP_RESULT__VERIFIED:
				setVerified((Boolean)newValue);
				return;
			case StrataPackage.STEP_RESULT__DURATION_MILLIS:
				setDurationMillis((Long)newValue);
				return;
			case StrataPackage.STEP_RESULT__MODEL_BYTES:
				setModelBytes((Long)newValue);
				return;
			case StrataPackage.STEP_RESULT__NODE_COUNT:
				setNodeCount((Integer)newValue);
				return;
			case StrataPackage.STEP_RESULT__NODES_ADDED:
				setNodesAdded((Integer)newValue);
				return;
			case StrataPackage.STEP_RESULT__NODES_REMOVED:
				setNodesRemoved((Integer)newValue);
				return;
			case StrataPackage.STEP_RESULT__FINGERPRINT:
				setFingerprint((String)newValue);
				return;
			case StrataPackage.STEP_RESULT__METRICS:
				getMetrics().clear();
				getMetrics().addAll((Collection<? extends Metric>)newValue);
				return;
			case StrataPackage.STEP_RESULT__ANALYSES:
				getAnalyses().clear();
				getAnalyses().addAll((Collection<? extends Analysis>)newValue);
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
			case StrataPackage.STEP_RESULT__NUMBER:
				setNumber(NUMBER_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__TECHNIQUE_ID:
				setTechniqueId(TECHNIQUE_ID_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__PARAMETERS:
				getParameters().clear();
				return;
			case StrataPackage.STEP_RESULT__STATUS:
				setStatus(STATUS_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__SUMMARY:
				setSummary(SUMMARY_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__MESSAGE:
				setMessage(MESSAGE_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__LOSSLESS:
				setLossless(LOSSLESS_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__VERIFIED:
				setVerified(VERIFIED_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__DURATION_MILLIS:
				setDurationMillis(DURATION_MILLIS_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__MODEL_BYTES:
				setModelBytes(MODEL_BYTES_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__NODE_COUNT:
				setNodeCount(NODE_COUNT_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__NODES_ADDED:
				setNodesAdded(NODES_ADDED_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__NODES_REMOVED:
				setNodesRemoved(NODES_REMOVED_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__FINGERPRINT:
				setFingerprint(FINGERPRINT_EDEFAULT);
				return;
			case StrataPackage.STEP_RESULT__METRICS:
				getMetrics().clear();
				return;
			case StrataPackage.STEP_RESULT__ANALYSES:
				getAnalyses().clear();
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
			case StrataPackage.STEP_RESULT__NUMBER:
				return number != NUMBER_EDEFAULT;
			case StrataPackage.STEP_RESULT__TECHNIQUE_ID:
				return TECHNIQUE_ID_EDEFAULT == null ? techniqueId != null : !TECHNIQUE_ID_EDEFAULT.equals(techniqueId);
			case StrataPackage.STEP_RESULT__PARAMETERS:
				return parameters != null && !parameters.isEmpty();
			case StrataPackage.STEP_RESULT__STATUS:
				return status != STATUS_EDEFAULT;
			case StrataPackage.STEP_RESULT__SUMMARY:
				return SUMMARY_EDEFAULT == null ? summary != null : !SUMMARY_EDEFAULT.equals(summary);
			case StrataPackage.STEP_RESULT__MESSAGE:
				return MESSAGE_EDEFAULT == null ? message != null : !MESSAGE_EDEFAULT.equals(message);
			case StrataPackage.STEP_RESULT__LOSSLESS:
				return lossless != LOSSLESS_EDEFAULT;
			case StrataPackage.STEP_RESULT__VERIFIED:
				return verified != VERIFIED_EDEFAULT;
			case StrataPackage.STEP_RESULT__DURATION_MILLIS:
				return durationMillis != DURATION_MILLIS_EDEFAULT;
			case StrataPackage.STEP_RESULT__MODEL_BYTES:
				return modelBytes != MODEL_BYTES_EDEFAULT;
			case StrataPackage.STEP_RESULT__NODE_COUNT:
				return nodeCount != NODE_COUNT_EDEFAULT;
			case StrataPackage.STEP_RESULT__NODES_ADDED:
				return nodesAdded != NODES_ADDED_EDEFAULT;
			case StrataPackage.STEP_RESULT__NODES_REMOVED:
				return nodesRemoved != NODES_REMOVED_EDEFAULT;
			case StrataPackage.STEP_RESULT__FINGERPRINT:
				return FINGERPRINT_EDEFAULT == null ? fingerprint != null : !FINGERPRINT_EDEFAULT.equals(fingerprint);
			case StrataPackage.STEP_RESULT__METRICS:
				return metrics != null && !metrics.isEmpty();
			case StrataPackage.STEP_RESULT__ANALYSES:
				return analyses != null && !analyses.isEmpty();
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
		result.append(" (number: ");
		result.append(number);
		result.append(", techniqueId: ");
		result.append(techniqueId);
		result.append(", status: ");
		result.append(status);
		result.append(", summary: ");
		result.append(summary);
		result.append(", message: ");
		result.append(message);
		result.append(", lossless: ");
		result.append(lossless);
		result.append(", verified: ");
		result.append(verified);
		result.append(", durationMillis: ");
		result.append(durationMillis);
		result.append(", modelBytes: ");
		result.append(modelBytes);
		result.append(", nodeCount: ");
		result.append(nodeCount);
		result.append(", nodesAdded: ");
		result.append(nodesAdded);
		result.append(", nodesRemoved: ");
		result.append(nodesRemoved);
		result.append(", fingerprint: ");
		result.append(fingerprint);
		result.append(')');
		return result.toString();
	}

} //StepResultImpl
