import numpy as np
def mlp_committee(X,y,tr,members=3,hidden=16,epochs=200,patience=30,bs=128,lr=0.003,seed=7):
    Xt=X[tr];yt=y[tr].astype(float)
    rng=np.random.default_rng(seed); n=len(Xt); perm=rng.permutation(n)
    nte=int(0.1*n); nva=int(0.2*n); va=perm[nte:nte+nva]; trn=perm[nte+nva:]
    mu=Xt[trn].mean(0); sd=Xt[trn].std(0)+1e-12
    Z=(X-mu)/sd; Zt=(Xt-mu)/sd
    preds=[]
    for m in range(members):
        r=np.random.default_rng(seed+m)
        W1=r.normal(0,np.sqrt(1/Z.shape[1]),(Z.shape[1],hidden));b1=np.zeros(hidden)
        W2=r.normal(0,np.sqrt(1/hidden),(hidden,1));b2=np.zeros(1)
        P=[W1,b1,W2,b2]; M=[np.zeros_like(p) for p in P]; V=[np.zeros_like(p) for p in P]; t=0
        def fwd(A,P):
            H=np.tanh(A@P[0]+P[1]); return H,(H@P[2]+P[3])[:,0]
        best=(1e9,None);bad=0
        for ep in range(epochs):
            o=r.permutation(trn)
            for i in range(0,len(o),bs):
                b=o[i:i+bs]; A=Zt[b]; H,out=fwd(A,P); g=2*(out-yt[b])/len(b)
                gW2=H.T@g[:,None]; gb2=g.sum(keepdims=True); gH=g[:,None]@P[2].T*(1-H**2)
                gW1=A.T@gH; gb1=gH.sum(0); G=[gW1,gb1,gW2,gb2]; t+=1
                for k in range(4):
                    M[k]=0.9*M[k]+0.1*G[k]; V[k]=0.999*V[k]+0.001*G[k]**2
                    P[k]-=lr*(M[k]/(1-0.9**t))/(np.sqrt(V[k]/(1-0.999**t))+1e-8)
            vl=np.mean((fwd(Zt[va],P)[1]-yt[va])**2)
            if vl<best[0]-1e-9: best=(vl,[p.copy() for p in P]);bad=0
            else:
                bad+=1
                if bad>=patience: break
        preds.append(fwd(Z,best[1])[1])
    return np.mean(preds,0)
