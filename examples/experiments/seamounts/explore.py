import numpy as np, sys
sys.path.insert(0,__import__('os').path.dirname(__file__)); from ev import *
run=sys.argv[1] if len(sys.argv)>1 else '/tmp/s3/a'
d=np.genfromtxt(run+'/labelled.csv',delimiter=',',names=True)
import csv as _csv
_r=list(_csv.DictReader(open(run+'/codes.csv')))
c={k:np.array([float(x[k]) for x in _r]) for k in _r[0] if k!='key'}
key=lambda lo,la: np.round(lo*120).astype(int)*100000+np.round(la*120).astype(int)
ck={k:i for i,k in enumerate(key(c['lon'],c['lat']))}
Z=np.array([[c['z%d'%j][i] for j in range(16)] for i in range(len(c['lon']))])
idx=np.array([ck.get(k,-1) for k in key(d['lon'],d['lat'])])
has=idx>=0
Zd=np.where(has[:,None],Z[np.maximum(idx,0)],0)
cat=load_cat(); w,e=172,185
cm=region(cat[:,0],cat[:,1],w,e)&(cat[:,1]<=54.375)
tr=d['lon']<w; te=region(d['lon'],d['lat'],w,e)
y=d['seamount']
print('train',tr.sum(),'pos',y[tr].sum(),'has patch',has.mean())
def logreg(X,y,l2=1e-3,it=3000,lr=0.1):
    mu=X[tr].mean(0);sd=X[tr].std(0)+1e-9;Xs=(X-mu)/sd
    A=np.c_[np.ones(len(X)),Xs];wv=np.zeros(A.shape[1])
    for _ in range(it):
        p=1/(1+np.exp(-A[tr]@wv)); g=A[tr].T@(p-y[tr])/tr.sum()+l2*np.r_[0,wv[1:]]; wv-=lr*g*5
    return A@wv
def ev(s,name):
    r=curve(d['lon'][te],d['lat'][te],s[te],cat[cm,0],cat[cm,1])
    print(f"{name:30s} SR10 {r[0.1][0]*100:5.1f} ({r[0.1][1]})  SR40 {r[0.4][0]*100:5.1f} ({r[0.4][1]})")
h=d['height'];E=d['e']
ev(h,'height')
ev(-E,'-E')
ev(logreg(np.c_[np.log1p(h)],y),'lr log h')
ev(logreg(np.c_[np.log1p(h),np.log(E)],y),'lr log h, log E')
ev(logreg(np.c_[np.log1p(h),np.log(E),np.log1p(h)*np.log(E)],y),'lr log h, log E, x')
from mlp import mlp_committee
ev(mlp_committee(np.c_[h],y,tr),'mlp h')
ev(mlp_committee(np.c_[h,E],y,tr),'mlp h,E')
ev(mlp_committee(np.c_[np.log1p(h),np.log(E)],y,tr),'mlp log h, log E')
ev(mlp_committee(np.c_[h,np.log(E)],y,tr),'mlp h, log E')
