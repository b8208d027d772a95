import numpy as np, csv
R=6371.0088
def km(lo1,la1,lo2,la2):
    lo1,la1,lo2,la2=map(np.radians,(lo1,la1,lo2,la2))
    a=np.sin((la2-la1)/2)**2+np.cos(la1)*np.cos(la2)*np.sin((lo2-lo1)/2)**2
    return 2*R*np.arcsin(np.sqrt(np.minimum(1,a)))
def load_cat(path=__import__('os').path.join(__import__('os').path.dirname(__file__), '../../../data/bathymetry/seamounts_WL97_north17.txt')):
    rows=[l.split() for l in open(path) if not l.startswith('#') and l.strip()]
    return np.array([[float(r[0]),float(r[1])] for r in rows])
def curve(dlon,dlat,score,clon,clat,radius=25.0,levels=(0.1,0.4)):
    pairs=[]
    for d in range(len(dlon)):
        k=km(dlon[d],dlat[d],clon,clat)
        for c in np.nonzero(k<=radius)[0]: pairs.append((k[c],d,c))
    pairs.sort()
    order=np.argsort(-score,kind='stable')
    rank=np.empty(len(score),int); 
    # threshold at each distinct score: detections with score>=t
    ds=np.unique(score)[::-1]
    best={l:(0,None) for l in levels}
    for t in ds:
        use=score>=t; kept=use.sum()
        dt=set();ct=set();m=0
        for k,d,c in pairs:
            if not use[d] or d in dt or c in ct: continue
            dt.add(d);ct.add(c);m+=1
        sr=m/len(clon); fpr=(kept-m)/kept
        for l in levels:
            if fpr<=l+1e-12 and sr>best[l][0]: best[l]=(sr,kept)
    return best
def region(lon,lat,w,e): return (lon>=w)&(lon<e)&(lat>=17)&(lat<=55)
